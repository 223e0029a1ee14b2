// @vitest-environment jsdom
/**
 * The icon button every icon-only control of the redesign uses: named for screen readers,
 * its shortcut announced (aria-keyshortcuts) and shown in a tooltip that appears at once on
 * keyboard focus, after a pause on hover, and goes away with Escape (WCAG 1.4.13).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IconButton } from '../../../../renderer/ui/IconButton';
import { Icons } from '../../../../renderer/ui/icons';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The tooltip drawn for the button named `label`: hidden from assistive technology, so found by its text. */
const tooltipOf = (label: string) => [...document.querySelectorAll<HTMLElement>('.tooltip')].find((tip) => tip.textContent?.startsWith(label)) ?? null;
const shown = (tip: HTMLElement | null) => tip !== null && !tip.hidden;

describe('IconButton', () => {
  it('is named by its label, draws an SVG, and announces its shortcut', () => {
    render(<IconButton label="Toggle sidebar" icon={Icons.sidebar} shortcut={{ key: 'B' }} />);
    const button = screen.getByRole('button', { name: 'Toggle sidebar' });
    expect(button.querySelector('svg')).not.toBeNull();
    expect(button.textContent).toBe('');
    expect(button).toHaveProperty('type', 'button');
    expect(button.getAttribute('aria-keyshortcuts')).toMatch(/^(Control|Meta)\+B$/);
    expect(shown(tooltipOf('Toggle sidebar'))).toBe(false);
  });

  it('shows its tooltip with the shortcut on keyboard focus, and Escape hides it', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    render(<IconButton label="New chat" icon={Icons.newChat} shortcut={{ key: 'N' }} onClick={onClick} />);
    await user.tab();
    const tip = tooltipOf('New chat');
    expect(shown(tip)).toBe(true);
    expect(tip?.querySelector('kbd')?.textContent).toMatch(/^(Ctrl\+N|⌘N)$/);
    expect(tip?.getAttribute('aria-hidden')).toBe('true');
    await user.keyboard('{Escape}');
    expect(shown(tooltipOf('New chat'))).toBe(false);
    await user.keyboard('{Enter}');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('waits before showing on hover, and hides when the pointer leaves', () => {
    vi.useFakeTimers();
    // Long after any tooltip of an earlier test closed: no "warm" instant showing.
    vi.setSystemTime(Date.now() + 60_000);
    render(<IconButton label="Attach" icon={Icons.attach} />);
    const button = screen.getByRole('button', { name: 'Attach' });
    fireEvent.pointerEnter(button);
    act(() => vi.advanceTimersByTime(300));
    expect(shown(tooltipOf('Attach'))).toBe(false);
    act(() => vi.advanceTimersByTime(300));
    expect(shown(tooltipOf('Attach'))).toBe(true);
    fireEvent.pointerLeave(button);
    expect(shown(tooltipOf('Attach'))).toBe(false);
  });

  it('gives what is set as the accessible description and the tooltip’s second line', async () => {
    const user = userEvent.setup();
    render(<IconButton label="Parameters" icon={Icons.chatSettings} description="temperature 0.7 · seed 42" />);
    const button = screen.getByRole('button', { name: 'Parameters' });
    const describedBy = button.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('temperature 0.7 · seed 42');
    await user.tab();
    expect(tooltipOf('Parameters')?.textContent).toBe('Parameterstemperature 0.7 · seed 42');
  });

  it('keeps the caller’s own handlers', async () => {
    const user = userEvent.setup();
    const onFocus = vi.fn();
    const onKeyDown = vi.fn();
    render(<IconButton label="Stop" icon={Icons.stop} shortcut={{ plain: 'Escape' }} onFocus={onFocus} onKeyDown={onKeyDown} />);
    await user.tab();
    await user.keyboard('{Escape}');
    expect(onFocus).toHaveBeenCalledOnce();
    expect(onKeyDown).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Stop' }).getAttribute('aria-keyshortcuts')).toBe('Escape');
  });
});
