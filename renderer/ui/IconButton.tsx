import type { ComponentPropsWithRef, FocusEvent, KeyboardEvent, PointerEvent } from 'react';
import type { Icon } from './icons';
import type { Shortcut } from './shortcutText';
import { useTooltip } from './useTooltip';
import './iconButton.css';

export interface IconButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'children' | 'type' | 'aria-label' | 'title'> {
  /** The button's accessible name; the tooltip shows it too. */
  label: string;
  icon: Icon;
  shortcut?: Shortcut;
  /** What is set (e.g. the parameters in use): the accessible description and the tooltip's second line. */
  description?: string;
  placement?: 'above' | 'below';
  /** 32 px (default) or 28 px, for rows and message actions. */
  size?: 'md' | 'sm';
  /** `accent` is the round Send button; `danger` turns red on hover (Delete). */
  tone?: 'default' | 'accent' | 'danger';
  type?: 'button' | 'submit';
}

/** Calls the caller's handler, then ours, so both see every event. */
function both<E>(theirs: ((event: E) => void) | undefined, ours: (event: E) => void) {
  return (event: E) => {
    theirs?.(event);
    ours(event);
  };
}

/**
 * A button drawn as an SVG icon, named for screen readers and shown by a tooltip with its
 * shortcut. The only way the redesign draws an icon-only button.
 */
export function IconButton({ label, icon: IconShape, shortcut, description, placement, size = 'md', tone = 'default', type = 'button', className, style, ...rest }: IconButtonProps) {
  const { triggerProps, tooltip } = useTooltip({ label, shortcut, description, placement });
  return (
    <>
      <button
        {...rest}
        type={type}
        aria-label={label}
        aria-keyshortcuts={triggerProps['aria-keyshortcuts']}
        aria-describedby={triggerProps['aria-describedby']}
        className={['icon-btn', triggerProps.className, className].filter(Boolean).join(' ')}
        style={{ ...style, ...triggerProps.style }}
        data-size={size}
        data-tone={tone}
        onPointerEnter={both<PointerEvent<HTMLButtonElement>>(rest.onPointerEnter, triggerProps.onPointerEnter)}
        onPointerLeave={both<PointerEvent<HTMLButtonElement>>(rest.onPointerLeave, triggerProps.onPointerLeave)}
        onPointerDown={both<PointerEvent<HTMLButtonElement>>(rest.onPointerDown, triggerProps.onPointerDown)}
        onFocus={both<FocusEvent<HTMLButtonElement>>(rest.onFocus, triggerProps.onFocus)}
        onBlur={both<FocusEvent<HTMLButtonElement>>(rest.onBlur, triggerProps.onBlur)}
        onKeyDown={both<KeyboardEvent<HTMLButtonElement>>(rest.onKeyDown, triggerProps.onKeyDown)}
      >
        <IconShape aria-hidden="true" focusable="false" size={size === 'sm' ? 16 : 18} strokeWidth={1.75} />
      </button>
      {tooltip}
    </>
  );
}
