import type { AppError } from '../shared/ipc';

/**
 * A failure meant for the user: services throw it, and the IPC router sends its
 * `appError` as the envelope error instead of a stack trace.
 */
export class AppFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'AppFailure';
  }
}
