import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../../main/electron/menu';
import { appCommandSchema } from '../../../../shared/ipc';

const options = { appName: 'Parley', development: false };

function build(platform: NodeJS.Platform, development = false) {
  const actions = { command: vi.fn(), showLogs: vi.fn() };
  return { actions, template: buildMenuTemplate(platform, actions, { ...options, development }) };
}

/** Every item, submenus flattened. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const byLabel = (template: MenuItemConstructorOptions[], label: string) => items(template).filter((item) => item.label === label);
const roles = (template: MenuItemConstructorOptions[]) => items(template).flatMap((item) => (item.role ? [item.role] : []));
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

const CUSTOM: [label: string, command: string | null, accelerator: string | null][] = [
  ['New chat', 'new-chat', 'CmdOrCtrl+N'],
  ['Search', 'search', 'CmdOrCtrl+K'],
  ['Export', 'export', 'CmdOrCtrl+Shift+E'],
  ['Settings', 'settings', 'CmdOrCtrl+,'],
  ['Keyboard shortcuts', 'shortcuts', 'CmdOrCtrl+/'],
  ['Previous conversation', 'previous-conversation', 'CmdOrCtrl+['],
  ['Next conversation', 'next-conversation', 'CmdOrCtrl+]'],
  ['Toggle sidebar', 'toggle-sidebar', 'CmdOrCtrl+B'],
  ['Back up', 'back-up', null],
  ['Import…', 'import', null],
  ['Show logs', null, null],
];

describe.each(['darwin', 'win32', 'linux'] as const)('the application menu on %s', (platform) => {
  it.each(CUSTOM)('has %s, which sends its command, showing its key without registering it', (label, command, accelerator) => {
    const { template, actions } = build(platform);
    const found = byLabel(template, label);
    expect(found).toHaveLength(1);
    const [item] = found;
    expect(item?.accelerator).toBe(accelerator ?? undefined);
    if (accelerator) expect(item?.registerAccelerator).toBe(false);
    click(item);
    if (command) {
      expect(actions.command).toHaveBeenCalledWith(command);
      expect(appCommandSchema.safeParse(command).success).toBe(true);
    } else {
      expect(actions.showLogs).toHaveBeenCalledOnce();
    }
  });

  it('has the standard edit, zoom, full screen and window roles', () => {
    const { template } = build(platform);
    expect(roles(template)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'help']),
    );
  });

  it('offers reload and developer tools only in development', () => {
    expect(roles(build(platform).template)).not.toEqual(expect.arrayContaining(['reload']));
    expect(roles(build(platform).template)).not.toContain('toggleDevTools');
    expect(roles(build(platform, true).template)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('platform conventions', () => {
  it('macOS has the app menu first, with About, Settings, Hide and Quit', () => {
    const [first] = build('darwin').template;
    expect(first?.label).toBe('Parley');
    const submenu = first?.submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => item.role ?? item.label).filter(Boolean)).toEqual(['about', 'Settings', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(build('darwin').template)).toContain('close');
  });

  it.each(['win32', 'linux'] as const)('%s has no app menu: File holds Settings and Quit', (platform) => {
    const { template } = build(platform);
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    const file = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.map((item) => item.role ?? item.label).filter(Boolean)).toEqual(['New chat', 'Export', 'Back up', 'Import…', 'Settings', 'quit']);
    expect(roles(template)).not.toContain('about');
  });
});
