import { useEffect, useState } from 'react';

const COPIED_MS = 1500;

/** Puts exactly the code on the clipboard; says "Copied" for a moment (its name stays "Copy code"). */
export function CopyCodeButton({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = () => {
    navigator.clipboard.writeText(code).then(
      () => setCopied(true),
      (error: unknown) => console.warn('Copy code failed', error),
    );
  };

  return (
    <button type="button" className="md-copy" aria-label="Copy code" onClick={copy}>
      <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>
      <span className="visually-hidden" role="status">
        {copied ? 'Copied' : ''}
      </span>
    </button>
  );
}
