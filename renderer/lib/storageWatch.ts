import type { ParleyApi } from '../../shared/ipc/client';
import type { AppError, ChatEvent } from '../../shared/ipc';

/** Codes of failures of the disk under the history: main posts a notice about each. */
const STORAGE_CODES: ReadonlySet<AppError['code']> = new Set(['disk-full', 'history-damaged', 'read-only']);

const isStorageError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && STORAGE_CODES.has((error as AppError).code);

/**
 * The api, telling `onProblem` whenever main reports a storage problem (a full disk, a damaged
 * history) in any answer, chat event or failed call, so the notices main posts about it are shown
 * at once. Everything else passes through unchanged.
 */
export function watchStorage(api: ParleyApi, onProblem: () => void): ParleyApi {
  const chat: ParleyApi['chat'] = (request, onEvent) =>
    api.chat(request, (event: ChatEvent) => {
      onEvent(event);
      if (event.type === 'unsaved' || (event.type === 'done' && isStorageError(event.result.error))) onProblem();
    });
  return new Proxy(api, {
    get(target, property, receiver) {
      if (property === 'chat') return chat;
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const result: unknown = member.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          if (isStorageError(error)) onProblem();
          throw error;
        });
      };
    },
  });
}
