const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * `YYYYMMDD-HHMMSS` in local time, for files Parley moves aside or backs up: the user reads
 * the name next to their own clock.
 */
export function fileTimestamp(date: Date): string {
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  return `${day}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** `YYYY-MM-DD HHMMSS` in local time, for folders a person opens (no colons: Windows refuses them). */
export function readableTimestamp(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}
