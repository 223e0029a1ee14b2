import { useCopyText } from '../../lib/useCopyText';

/** Puts exactly the code on the clipboard; says "Copied" for a moment (its name stays "Copy code"). */
export function CopyCodeButton({ code }: { code: string }) {
  const { copied, copy } = useCopyText((error) => console.warn('Copy code failed', error));

  return (
    <button type="button" className="md-copy" aria-label="Copy code" onClick={() => copy(code)}>
      <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>
      <span className="visually-hidden" role="status">
        {copied ? 'Copied' : ''}
      </span>
    </button>
  );
}
