import { useCopyText } from '../../lib/useCopyText';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';

/** Puts exactly the code on the clipboard; shows a check for a moment (its name stays "Copy code"). */
export function CopyCodeButton({ code }: { code: string }) {
  const { copied, copy } = useCopyText((error) => console.warn('Copy code failed', error));

  return (
    <>
      <IconButton size="sm" icon={copied ? Icons.copied : Icons.copy} label="Copy code" onClick={() => copy(code)} />
      <span className="visually-hidden" role="status">
        {copied ? 'Copied' : ''}
      </span>
    </>
  );
}
