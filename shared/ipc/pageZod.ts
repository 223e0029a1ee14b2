/**
 * What `zod` is inside the page and the preload bundles (see vite.config.ts). They read the
 * tables for method names and channels only; main validates every request. So each
 * schema-building call answers another stand-in, and parsing throws: no zod code ships to the
 * page, and nothing probes `new Function`, which the page's CSP refuses.
 */
const refuse = () => {
  throw new Error('zod is not in the page: main validates every request.');
};

const standIn: unknown = new Proxy(function standIn() {}, {
  get: (_target, property) => {
    if (property === 'parse' || property === 'safeParse' || property === 'parseAsync' || property === 'safeParseAsync') return refuse;
    // Not a promise: a stand-in returned from an async function must not be awaited forever.
    if (property === 'then') return undefined;
    return standIn;
  },
  apply: () => standIn,
});

export const z = standIn;
