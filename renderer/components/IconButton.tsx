import type { ButtonHTMLAttributes } from 'react';

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'type'> {
  /** The button's accessible name, also its tooltip. */
  label: string;
  icon: string;
}

/** A compact button showing a glyph; screen readers and tooltips get the label. */
export function IconButton({ label, icon, className, ...rest }: IconButtonProps) {
  return (
    <button type="button" title={label} className={className ? `icon-button ${className}` : 'icon-button'} {...rest}>
      <span aria-hidden="true">{icon}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );
}
