import { useEffect, useState } from 'react';

/** How long a button says "Copied" after copying. */
const COPIED_MS = 1500;

/**
 * Copies text to the clipboard; `copied` is true for a moment afterwards, so a button can say so.
 * A failure goes to `onError` (the clipboard may be refused).
 */
export function useCopyText(onError: (error: unknown) => void): { copied: boolean; copy: (text: string) => void } {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = (text: string) => {
    navigator.clipboard.writeText(text).then(() => setCopied(true), onError);
  };
  return { copied, copy };
}
