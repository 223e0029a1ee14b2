import type { ReactNode } from 'react';
import type { Icon } from './icons';
import './callout.css';

interface CalloutProps {
  /** danger: the request failed; warning: it will be fine after a wait or a change; subtle: what arrived is kept. */
  tone: 'danger' | 'warning' | 'subtle';
  icon: Icon;
  title: string;
  children?: ReactNode;
  /** The buttons that help, the most useful first. */
  actions?: ReactNode;
  /** `alert` for a failure that just happened; `status` for one that is being waited out. */
  role?: 'alert' | 'status';
  className?: string;
}

/**
 * An error or warning where it happened: icon, a bold first line, a sentence in a person's
 * words and the actions that help (docs/design-system.md, "Errors"). Never small coloured text
 * under a control.
 */
export function Callout({ tone, icon: IconShape, title, children, actions, role = 'alert', className }: CalloutProps) {
  return (
    <div role={role} className={className ? `callout ${className}` : 'callout'} data-tone={tone}>
      <IconShape className="callout-icon" aria-hidden="true" focusable="false" size={18} strokeWidth={1.75} />
      <div className="callout-body">
        <p className="callout-title">{title}</p>
        {children && <div className="callout-text">{children}</div>}
        {actions && <div className="callout-actions">{actions}</div>}
      </div>
    </div>
  );
}
