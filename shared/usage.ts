import type { Usage } from './ipc';

/** Usage of two requests that make one answer (tool rounds, a continuation): each was billed. */
export function addUsage(earlier: Usage | null, current: Usage): Usage;
export function addUsage(earlier: Usage | null, current: Usage | null): Usage | null;
export function addUsage(earlier: Usage | null, current: Usage | null): Usage | null {
  if (!earlier || !current) return current ?? earlier;
  return {
    promptTokens: earlier.promptTokens + current.promptTokens,
    completionTokens: earlier.completionTokens + current.completionTokens,
    totalTokens: earlier.totalTokens + current.totalTokens,
  };
}
