/** The window's size and place, remembered between runs and kept on a visible screen. */
import type { Rectangle } from 'electron';
import type { KeyValueStore } from '../settings/keyValueStore';

const KEY = 'windowBounds';
export const DEFAULT_BOUNDS = { width: 1100, height: 760 };

export interface WindowBounds extends Partial<Rectangle> {
  width: number;
  height: number;
  maximized?: boolean;
}

function isBounds(value: unknown): value is WindowBounds {
  if (typeof value !== 'object' || value === null) return false;
  const { width, height } = value as Record<string, unknown>;
  return typeof width === 'number' && typeof height === 'number' && width >= 400 && height >= 300;
}

/** Saved bounds, dropped when the display they were on is gone (no window off-screen). */
export function loadWindowBounds(store: KeyValueStore, displays: Rectangle[]): WindowBounds {
  const saved = store.get(KEY);
  if (!isBounds(saved)) return DEFAULT_BOUNDS;
  const { x, y } = saved;
  if (x === undefined || y === undefined) return { width: saved.width, height: saved.height };
  const visible = displays.some((d) => x >= d.x && y >= d.y && x < d.x + d.width && y < d.y + d.height);
  return visible ? saved : { width: saved.width, height: saved.height };
}

export function saveWindowBounds(store: KeyValueStore, bounds: WindowBounds): void {
  store.set(KEY, bounds);
}
