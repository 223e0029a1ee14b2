import { describe, expect, it } from 'vitest';
import { commandForKey, formatCommandKey, isMacPlatform } from '../../../../renderer/features/shortcuts/keys';
import { shortcutRows } from '../../../../renderer/features/shortcuts/shortcutList';

const press = (key: string, modifiers: { meta?: boolean; ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  metaKey: modifiers.meta ?? false,
  ctrlKey: modifiers.ctrl ?? false,
  shiftKey: modifiers.shift ?? false,
  altKey: modifiers.alt ?? false,
});

describe('shortcut keys', () => {
  it('Ctrl elsewhere, Cmd on macOS, and never the other one', () => {
    expect(commandForKey(press('n', { ctrl: true }), false)).toBe('new-chat');
    expect(commandForKey(press('n', { meta: true }), false)).toBeNull();
    expect(commandForKey(press('n', { meta: true }), true)).toBe('new-chat');
    expect(commandForKey(press('n', { ctrl: true }), true)).toBeNull();
    expect(commandForKey(press('n'), false)).toBeNull();
    expect(commandForKey(press('n', { ctrl: true, alt: true }), false)).toBeNull();
  });

  it('knows every command key, Shift included where it belongs', () => {
    const ctrl = (key: string, shift = false) => commandForKey(press(key, { ctrl: true, shift }), false);
    expect([ctrl('k'), ctrl(','), ctrl('E', true), ctrl('['), ctrl(']'), ctrl('/'), ctrl('?', true), ctrl('b')]).toEqual([
      'search',
      'settings',
      'export',
      'previous-conversation',
      'next-conversation',
      'shortcuts',
      'shortcuts',
      'toggle-sidebar',
    ]);
    // Ctrl+E without Shift is not export: the browser's and the text field's own keys stay theirs.
    expect(ctrl('e')).toBeNull();
  });

  it('writes shortcuts the platform way', () => {
    expect(formatCommandKey({ key: 'E', shift: true }, true)).toBe('⇧⌘E');
    expect(formatCommandKey({ key: 'E', shift: true }, false)).toBe('Ctrl+Shift+E');
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Win32')).toBe(false);
    expect(shortcutRows(true).find((row) => row.action === 'New chat')?.keys).toBe('⌘N');
    expect(shortcutRows(false).map((row) => row.keys)).toEqual(expect.arrayContaining(['Ctrl+N', 'Ctrl+K', 'Ctrl+,', 'Ctrl+[', 'Ctrl+]', 'Ctrl+/', 'Escape']));
  });
});
