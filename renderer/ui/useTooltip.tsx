import { useCallback, useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { ariaKeyShortcuts, shortcutLabel, type Shortcut } from './shortcutText';
import './tooltip.css';

export interface TooltipOptions {
  /** The trigger's name, repeated visually: the tooltip itself is hidden from assistive technology. */
  label: string;
  shortcut?: Shortcut;
  /** A second line, e.g. what is set; the trigger gets it as its accessible description. */
  description?: string;
  /** Above (default, for the composer and message actions) or below (for the top bar). */
  placement?: 'above' | 'below';
}

/** Hover waits this long before showing; moving from one tooltip to the next shows at once. */
const HOVER_DELAY_MS = 500;
const WARM_MS = 300;
let lastHiddenAt = 0;

/** jsdom has no Popover API: there `hidden` shows and hides the tooltip instead. */
const HAS_POPOVER = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/**
 * A tooltip for any trigger: spread `triggerProps` on it and render `tooltip` beside it.
 * It shows the label, the shortcut and the description, after a pause on hover and at once on
 * keyboard focus; Escape, leaving or blurring hides it (WCAG 1.4.13). The trigger carries the
 * shortcut as `aria-keyshortcuts` and the description as `aria-describedby`.
 */
export function useTooltip({ label, shortcut, description, placement = 'above' }: TooltipOptions) {
  const id = useId();
  const tipRef = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [open, setOpen] = useState(false);
  // Anchor names are dashed idents: useId's characters are not all allowed in one.
  const anchor = `--tooltip-${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const descriptionId = `${id}-description`;

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  const show = useCallback(() => {
    clearTimer();
    setOpen(true);
  }, []);
  const hide = useCallback(() => {
    clearTimer();
    setOpen((wasOpen) => {
      if (wasOpen) lastHiddenAt = Date.now();
      return false;
    });
  }, []);

  useEffect(() => {
    const tip = tipRef.current;
    if (!tip || !HAS_POPOVER) return;
    if (open && !tip.matches(':popover-open')) tip.showPopover();
    if (!open && tip.matches(':popover-open')) tip.hidePopover();
  }, [open]);
  useEffect(() => clearTimer, []);

  const triggerProps = {
    className: 'tooltip-anchor',
    style: { '--tooltip-anchor': anchor } as CSSProperties,
    'aria-keyshortcuts': shortcut ? ariaKeyShortcuts(shortcut) : undefined,
    'aria-describedby': description ? descriptionId : undefined,
    onPointerEnter: () => {
      clearTimer();
      if (Date.now() - lastHiddenAt < WARM_MS) show();
      else timer.current = setTimeout(show, HOVER_DELAY_MS);
    },
    onPointerLeave: hide,
    onPointerDown: hide,
    // Keyboard focus only: a click focuses too, and must not leave a tooltip over what it opened.
    onFocus: (event: { currentTarget: Element }) => {
      if (event.currentTarget.matches(':focus-visible')) show();
    },
    onBlur: hide,
    onKeyDown: (event: KeyboardEvent) => {
      // Dismissed, and the key goes on to do what it does (Escape still stops an answer).
      if (event.key === 'Escape') hide();
    },
  };

  const tooltip: ReactNode = (
    <>
      {description && (
        <span id={descriptionId} className="visually-hidden">
          {description}
        </span>
      )}
      <div
        ref={tipRef}
        popover="manual"
        aria-hidden="true"
        className="tooltip"
        data-placement={placement}
        style={{ '--tooltip-anchor': anchor } as CSSProperties}
        hidden={HAS_POPOVER ? undefined : !open}
      >
        {label}
        {shortcut && <kbd className="tooltip-keys">{shortcutLabel(shortcut)}</kbd>}
        {description && <span className="tooltip-description">{description}</span>}
      </div>
    </>
  );

  return { open, triggerProps, tooltip };
}
