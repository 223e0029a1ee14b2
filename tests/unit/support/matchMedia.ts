/**
 * jsdom has no `window.matchMedia`; the page asks it for its layout (a docked sidebar from
 * 1,000 px). This answers width queries against jsdom's window size (1024 × 768) and nothing
 * else (no dark scheme, no reduced motion), like a plain desktop window. It never changes, so
 * listeners are kept but never called.
 */
const WIDTH_QUERY = /^\((min|max)-width:\s*(\d+(?:\.\d+)?)px\)$/;

function matches(query: string): boolean {
  const width = WIDTH_QUERY.exec(query.trim());
  if (!width) return false;
  const limit = Number(width[2]);
  return width[1] === 'min' ? window.innerWidth >= limit : window.innerWidth <= limit;
}

if (typeof window !== 'undefined' && typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      media: query,
      matches: matches(query),
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
