import { describe, expect, it } from 'vitest';
import { acrossBridge, fromBridge } from '../../../../shared/ipc/bridgeErrors';
import { createApi, type Transport } from '../../../../shared/ipc/client';
import { ParleyError } from '../../../../shared/ipc/parleyError';

const refusing: Transport = {
  invoke: async () => ({ ok: false, error: { code: 'insecure-storage', message: 'No keyring is available.' } }),
  openChat: () => ({ send: () => undefined }),
};

/** What contextBridge does to a rejection: structured clone, Errors reduced to their message. */
function throughContextBridge(error: unknown): unknown {
  return error instanceof Error ? new Error(error.message) : structuredClone(error);
}

describe('errors across the context bridge', () => {
  it('keep their code from preload to page', async () => {
    const exposed = acrossBridge(createApi(refusing));
    const bridged = { ...exposed, saveKey: (request: { key: string }) => exposed.saveKey(request).catch((e: unknown) => Promise.reject(throughContextBridge(e))) };
    const failure = await fromBridge(bridged).saveKey({ key: 'k' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ParleyError);
    expect(failure).toMatchObject({ code: 'insecure-storage', message: 'No keyring is available.' });
  });

  it('would lose the code without the plain-object crossing', async () => {
    const failure = await createApi(refusing).saveKey({ key: 'k' }).catch((e: unknown) => throughContextBridge(e));
    expect((failure as { code?: string }).code).toBeUndefined();
  });
});
