/**
 * jsdom has no `ResizeObserver`; an answer's runs of blocks watch for their first layout
 * (renderer/features/markdown/settledRuns.ts). jsdom lays nothing out, so this one never
 * reports, as a page that is never laid out would not.
 */
if (typeof window !== 'undefined' && typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
