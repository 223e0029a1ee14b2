/**
 * Collects the streamed `tool_calls` deltas of one response into whole calls. In the OpenAI
 * format the first piece of a call carries its `index`, `id` and function `name`; the arguments
 * then arrive as JSON fragments under the same index, and several calls may interleave. Some
 * servers repeat the id or send a call whole in one piece; both are read the same way.
 */
export interface StreamedToolCall {
  /** The model's id for the call, echoed back in the `tool` message; made up when a server sends none. */
  id: string;
  name: string;
  /** The joined fragments: JSON text, not yet parsed (the model may have written invalid JSON). */
  arguments: string;
}

interface ToolCallDelta {
  index?: unknown;
  id?: unknown;
  function?: { name?: unknown; arguments?: unknown };
}

export interface ToolCallCollector {
  push(deltas: unknown): void;
  /** The calls in the order of their indexes. */
  calls(): StreamedToolCall[];
}

export function createToolCallCollector(): ToolCallCollector {
  const byIndex = new Map<number, StreamedToolCall>();
  return {
    push(deltas) {
      if (!Array.isArray(deltas)) return;
      for (const delta of deltas as ToolCallDelta[]) {
        const index = typeof delta.index === 'number' ? delta.index : byIndex.size;
        const call = byIndex.get(index) ?? { id: '', name: '', arguments: '' };
        if (typeof delta.id === 'string' && delta.id) call.id = delta.id;
        const { name, arguments: fragment } = delta.function ?? {};
        // A name arrives whole in its first piece; some servers repeat it in later ones.
        if (typeof name === 'string' && name && !call.name) call.name = name;
        if (typeof fragment === 'string') call.arguments += fragment;
        byIndex.set(index, call);
      }
    },
    calls: () =>
      [...byIndex.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, call]) => ({ ...call, id: call.id || `call_parley_${index}` })),
  };
}
