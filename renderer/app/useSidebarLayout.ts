import { useCallback, useEffect, useRef, useState } from 'react';
import { useMediaQuery } from '../lib/useMediaQuery';
import { useSettings } from '../features/settings/settingsContext';

/** At this window width and wider the sidebar is docked; narrower, it is a drawer. */
const DOCKED_QUERY = '(min-width: 1000px)';

/** docked / collapsed (wide window, the person's choice) or drawer / hidden (narrow window). */
export type SidebarMode = 'docked' | 'collapsed' | 'drawer' | 'hidden';

/**
 * Where the sidebar is: docked or collapsed in a wide window (remembered in the `sidebarOpen`
 * setting), an overlay drawer in a narrow one (closed at start and whenever the window widens).
 * Focus follows the toggle: into the search field when the drawer opens, back to a visible
 * toggle when the sidebar goes away.
 */
export function useSidebarLayout(focusSearch: () => void) {
  const { value: settings, update } = useSettings();
  const wide = useMediaQuery(DOCKED_QUERY);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const mode: SidebarMode = wide ? (settings.sidebarOpen ? 'docked' : 'collapsed') : drawerOpen ? 'drawer' : 'hidden';
  const visible = mode === 'docked' || mode === 'drawer';

  /** The toggles in the sidebar's head and in the top bar. */
  const sidebarToggle = useRef<HTMLButtonElement>(null);
  const barToggle = useRef<HTMLButtonElement>(null);
  /** Where focus goes once the change has rendered: the toggle still in view, or the search field. */
  const focusAfter = useRef<'bar' | 'sidebar' | 'search' | null>(null);

  // A window that widens docks the sidebar: the drawer is closed when it narrows again.
  const [wasWide, setWasWide] = useState(wide);
  if (wide !== wasWide) {
    setWasWide(wide);
    if (wide) setDrawerOpen(false);
  }

  useEffect(() => {
    const where = focusAfter.current;
    focusAfter.current = null;
    if (where === 'search') focusSearch();
    else if (where === 'sidebar') sidebarToggle.current?.focus();
    else if (where === 'bar') barToggle.current?.focus();
  }, [mode, focusSearch]);

  const toggle = useCallback(() => {
    const hadFocus = document.activeElement === sidebarToggle.current || document.activeElement === barToggle.current;
    if (wide) {
      const sidebarOpen = !settings.sidebarOpen;
      if (hadFocus) focusAfter.current = sidebarOpen ? 'sidebar' : 'bar';
      update({ sidebarOpen }, { preview: true }).catch((error: unknown) => console.warn('Could not remember the sidebar', error));
    } else {
      focusAfter.current = drawerOpen ? 'bar' : 'search';
      setDrawerOpen(!drawerOpen);
    }
  }, [wide, settings, update, drawerOpen]);

  /** Closes the drawer (Escape, the scrim, a conversation chosen, New chat); no-op when docked. */
  const closeDrawer = useCallback((returnFocus: boolean) => {
    setDrawerOpen((open) => {
      if (open && returnFocus) focusAfter.current = 'bar';
      return false;
    });
  }, []);

  return { mode, visible, toggle, closeDrawer, sidebarToggle, barToggle };
}
