import type { ReactNode } from 'react';
import { Icons } from '../../ui/icons';
import '../../ui/fieldError.css';

/** What is wrong with a field, right under it: announced at once, with an icon so colour is not the only sign. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} role="alert" className="field-error">
      <Icons.error aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
      <span>{children}</span>
    </p>
  );
}
