/**
 * contextBridge copies a thrown Error with its message only, dropping `code`; a plain object
 * crosses whole. So the preload rejects with plain AppErrors (`acrossBridge`) and the page
 * turns them back into ParleyErrors (`fromBridge`). Every call of the tables is wrapped.
 */
import { CALL_METHODS, type ParleyApi } from './client';
import type { AppError } from './errors';
import { ParleyError } from './parleyError';

function mapRejections(api: ParleyApi, convert: (error: unknown) => unknown): ParleyApi {
  const wrapped = Object.fromEntries(
    CALL_METHODS.map((method) => {
      const call = api[method] as (request?: unknown) => Promise<unknown>;
      return [method, (request?: unknown) => call(request).catch((error: unknown) => Promise.reject(convert(error)))];
    }),
  );
  return {
    ...(wrapped as unknown as ParleyApi),
    chat: (request, onEvent) => api.chat(request, onEvent),
    onCommand: (listener) => api.onCommand(listener),
    onChange: (listener) => api.onChange(listener),
  };
}

const isAppError = (value: unknown): value is AppError =>
  typeof value === 'object' && value !== null && typeof (value as AppError).code === 'string' && typeof (value as AppError).message === 'string';

export const acrossBridge = (api: ParleyApi): ParleyApi =>
  mapRejections(api, (error) =>
    error instanceof ParleyError ? { code: error.code, message: error.message, status: error.status, param: error.param } : error,
  );

export const fromBridge = (api: ParleyApi): ParleyApi =>
  mapRejections(api, (error) => (isAppError(error) && !(error instanceof ParleyError) ? new ParleyError(error) : error));
