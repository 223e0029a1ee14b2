import type { AppError } from '../../shared/ipc';

/** Whatever was thrown, as an AppError the UI can show: a ParleyError already is one. */
export function toAppError(error: unknown): AppError {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error as AppError;
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
