/** Small, readable conversations for example-based tests. */
import type { ExportConversation, ExportMessage } from '../../../../main/export/types';

export const T0 = Date.UTC(2026, 10, 26, 13, 3);

export function sampleMessage(over: Partial<ExportMessage> = {}): ExportMessage {
  return {
    id: 'm-1',
    role: 'user',
    content: 'Hello',
    reasoning: '',
    status: 'complete',
    error: null,
    usage: null,
    model: 'meta-llama/Llama-3.3-70B-Instruct',
    finishReason: null,
    firstTokenMs: null,
    durationMs: null,
    thinkingMs: null,
    createdAt: T0,
    ...over,
  };
}

export function sampleConversation(over: Partial<ExportConversation> = {}): ExportConversation {
  return {
    id: '0b7c1f7e-2f63-4f4a-9d43-52a1c0b9e001',
    title: 'Sorting in Python',
    model: 'meta-llama/Llama-3.3-70B-Instruct',
    createdAt: T0,
    updatedAt: T0 + 60_000,
    pinned: false,
    systemPrompt: '',
    endpoint: 'https://api.inference.wandb.ai/v1',
    params: { temperature: 0.7 },
    messages: [
      sampleMessage({ id: 'm-1', content: 'How do I sort a list?' }),
      sampleMessage({
        id: 'm-2',
        role: 'assistant',
        content: 'Use `sorted()`:\n\n```python\nsorted([3, 1, 2])\n```',
        reasoning: 'A short answer will do.',
        usage: { promptTokens: 12, completionTokens: 34, totalTokens: 46 },
        finishReason: 'stop',
        firstTokenMs: 320,
        durationMs: 2100,
        createdAt: T0 + 5_000,
      }),
    ],
    ...over,
  };
}
