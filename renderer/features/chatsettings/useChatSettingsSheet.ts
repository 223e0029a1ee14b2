import { useCallback, useRef, useState } from 'react';

/**
 * Whether "Chat settings" is open, shared by the top bar's button and the sheet beside the
 * conversation: closing it puts focus back on the button.
 */
export function useChatSettingsSheet() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  const toggle = useCallback(() => (open ? close() : setOpen(true)), [open, close]);
  return { open, toggle, close, button };
}

export type ChatSettingsSheetState = ReturnType<typeof useChatSettingsSheet>;
