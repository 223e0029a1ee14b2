import type { Notice } from '../../shared/ipc';

export const UNSAVED_NOTICE_ID = 'unsaved-answers';

/** The notice while answers wait in memory for disk space, and once they are saved. */
export function unsavedNotice(unsaved: number): Notice {
  if (unsaved === 0) {
    return { id: UNSAVED_NOTICE_ID, level: 'info', message: 'There is disk space again: Parley saved the answers it was keeping in memory.' };
  }
  const what = unsaved === 1 ? 'an answer, which it keeps' : `${unsaved} answers, which it keeps`;
  return {
    id: UNSAVED_NOTICE_ID,
    level: 'warning',
    message: `The disk is full: Parley cannot save ${what} in memory and saves as soon as there is space. Free some disk space, and keep Parley open until then.`,
    unsaved,
  };
}
