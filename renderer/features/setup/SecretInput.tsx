import { useState, type ComponentPropsWithRef } from 'react';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';

type SecretInputProps = Omit<ComponentPropsWithRef<'input'>, 'type'>;

/** A password field with a Show toggle (pressed: shown) inside its end, so a pasted key can be checked by eye. */
export function SecretInput({ className, ...input }: SecretInputProps) {
  const [shown, setShown] = useState(false);
  return (
    <div className="secret-input">
      <input {...input} type={shown ? 'text' : 'password'} autoComplete="off" spellCheck={false} className={className} />
      <IconButton
        label="Show key"
        icon={shown ? Icons.hideSecret : Icons.showSecret}
        size="sm"
        aria-pressed={shown}
        aria-controls={input.id}
        onClick={() => setShown((current) => !current)}
      />
    </div>
  );
}
