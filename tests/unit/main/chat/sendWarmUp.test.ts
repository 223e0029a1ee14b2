import { describe, expect, it } from 'vitest';
import { WARM_UP_REQUEST, warmUpSendPath } from '../../../../main/chat/sendWarmUp';
import { chatRequestSchema } from '../../../../shared/ipc';

describe('the send path warmed up after start', () => {
  it('parses its sample as a real request would be (a refused sample would leave most of the schema cold), and sends nothing', () => {
    expect(chatRequestSchema.safeParse(WARM_UP_REQUEST).success).toBe(true);
    const fetched: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (...args: unknown[]) => {
      fetched.push(args);
      return new Response();
    }) as typeof fetch;
    try {
      expect(() => warmUpSendPath()).not.toThrow();
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
  });
});
