import { useRef } from 'react';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';

/** "Attach": the system's file picker, several files at once (images or text files). */
export function AttachButton({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <IconButton icon={Icons.attach} label="Attach" description="Images or text files" onClick={() => inputRef.current?.click()} disabled={disabled} />
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        aria-label="Files to attach"
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          // The same file can be picked again after it was removed.
          event.target.value = '';
        }}
      />
    </>
  );
}
