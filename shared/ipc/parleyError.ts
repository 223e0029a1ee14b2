import type { AppError } from './errors';

/** An error from main, carrying its code so the UI can act on it. */
export class ParleyError extends Error implements AppError {
  readonly code: AppError['code'];
  readonly status?: number;
  readonly param?: string;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'ParleyError';
    this.code = error.code;
    if (error.status !== undefined) this.status = error.status;
    if (error.param !== undefined) this.param = error.param;
  }
}
