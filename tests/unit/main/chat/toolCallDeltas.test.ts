/**
 * Streamed `tool_calls` deltas in the shapes servers send: OpenAI's (id, type and name in the
 * first piece of each call, the arguments in fragments, parallel calls one after the other), and
 * vLLM's (a whole call in one piece, the id repeated).
 */
import { describe, expect, it } from 'vitest';
import { createToolCallCollector } from '../../../../main/chat/toolCallDeltas';

describe('tool call deltas', () => {
  it('joins argument fragments of parallel calls by index, in OpenAI’s streamed shape', () => {
    const collector = createToolCallCollector();
    const pieces = [
      [{ index: 0, id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', type: 'function', function: { name: 'get_current_weather', arguments: '' } }],
      [{ index: 0, function: { arguments: '{"lo' } }],
      [{ index: 0, function: { arguments: 'cation": "Paris, France"}' } }],
      [{ index: 1, id: 'call_ABzo1bXg2aTp3cB7KJ9wQeLm', type: 'function', function: { name: 'get_current_weather', arguments: '' } }],
      [{ index: 1, function: { arguments: '{"location": "Tōkyō 東京"' } }],
      [{ index: 1, function: { arguments: '}' } }],
    ];
    for (const piece of pieces) collector.push(piece);
    expect(collector.calls()).toEqual([
      { id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', name: 'get_current_weather', arguments: '{"location": "Paris, France"}' },
      { id: 'call_ABzo1bXg2aTp3cB7KJ9wQeLm', name: 'get_current_weather', arguments: '{"location": "Tōkyō 東京"}' },
    ]);
  });

  it('reads a call sent whole, with its id and name repeated in later pieces', () => {
    const collector = createToolCallCollector();
    collector.push([{ index: 0, id: 'chatcmpl-tool-1', type: 'function', function: { name: 'search', arguments: '{"q": ' } }]);
    collector.push([{ index: 0, id: 'chatcmpl-tool-1', type: 'function', function: { name: 'search', arguments: '"MCP"}' } }]);
    expect(collector.calls()).toEqual([{ id: 'chatcmpl-tool-1', name: 'search', arguments: '{"q": "MCP"}' }]);
  });

  it('gives a call without an id one of its own, and ignores deltas that are not a list', () => {
    const collector = createToolCallCollector();
    collector.push(undefined);
    collector.push({ index: 0 });
    collector.push([{ index: 0, function: { name: 'echo', arguments: '{}' } }]);
    expect(collector.calls()).toEqual([{ id: 'call_parley_0', name: 'echo', arguments: '{}' }]);
  });
});
