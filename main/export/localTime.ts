/**
 * Wall-clock date and time in a time zone, for headings and file names. The offset is asked of
 * Intl once per hour of time and cached: formatting every message through Intl would cost more
 * than writing the rest of the file.
 */
export interface WallClock {
  /** `2026-11-26` */
  date(ms: number): string;
  /** `2026-11-26 14:03` */
  dateTime(ms: number): string;
}

const HOUR = 3_600_000;
const pad = (n: number): string => String(n).padStart(2, '0');

const clocks = new Map<string, WallClock>();

/** The system's zone when none is given, so exports read in the user's own time. One clock per zone, kept. */
export function wallClock(timeZone?: string): WallClock {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let clock = clocks.get(zone);
  if (!clock) {
    clock = createClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

function createClock(timeZone: string): WallClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const hour = Math.floor(ms / HOUR);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const parts: Record<string, number> = {};
      for (const { type, value } of format.formatToParts(hour * HOUR)) parts[type] = Number(value);
      const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
      offset = asUtc - hour * HOUR;
      offsets.set(hour, offset);
    }
    return offset;
  };
  const shifted = (ms: number): Date => new Date(ms + offsetAt(ms));
  const date = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return {
    date: (ms) => date(shifted(ms)),
    dateTime: (ms) => {
      const d = shifted(ms);
      return `${date(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    },
  };
}
