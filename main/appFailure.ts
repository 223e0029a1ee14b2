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

/** Parley cannot start; the message is written for the person: which file or folder, and what to do. */
export class StartupFailure extends Error {
  override readonly name = 'StartupFailure';
}

const ANOTHER_FOLDER = 'or start Parley with --data-dir=<a folder you can write to>';

/** The system's reason (an errno code and the path it concerns) as a sentence that names the path and what to do. */
function fromSystemError(code: string, path: string): string | null {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Parley is not allowed to use ${path} (permission denied). Give your user read and write access to it, ${ANOTHER_FOLDER}.`;
    case 'EROFS':
      return `${path} is on a read-only disk, so Parley cannot write there. Make it writable, ${ANOTHER_FOLDER}.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk that holds ${path} is full. Free some space, then start Parley again.`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `Parley needs a folder at ${path}, but something else is there (a file). Move or rename it, ${ANOTHER_FOLDER}.`;
    case 'EISDIR':
      return `Parley needs a file at ${path}, but there is a folder there. Move or rename the folder (keep it if it holds anything you need), then start Parley again.`;
    default:
      return null;
  }
}

/**
 * What to tell the person when Parley cannot start on `dataDir`: a StartupFailure's or
 * MigrationError's own sentence, a system error turned into one, else the error with the folder.
 */
export function startupFailureMessage(error: unknown, dataDir: string): string {
  if (error instanceof StartupFailure || (error instanceof Error && error.name === 'MigrationError')) return error.message;
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  const described = typeof code === 'string' ? fromSystemError(code, typeof path === 'string' ? path : dataDir) : null;
  return described ?? `${error instanceof Error ? error.message : String(error)} (data folder: ${dataDir})`;
}
