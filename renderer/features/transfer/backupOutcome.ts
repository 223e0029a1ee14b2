import type { BackupResult } from '../../../shared/ipc';
import { countOf } from '../../lib/format';
import { saveOrDownload } from '../../lib/saveOrDownload';
import { UNTITLED } from '../history/untitled';

/**
 * Saves or downloads a backup and says where it went, naming the conversations a damaged
 * history kept out of it. Null when the person cancelled the save dialog.
 */
export function backupOutcome(result: BackupResult): string | null {
  const saved = saveOrDownload(result);
  const { unreadable } = result;
  if (saved === null || unreadable.length === 0) return saved;
  const names = unreadable.map((item) => `“${item.title || UNTITLED}”`).join(', ');
  return `${saved}. ${countOf(unreadable.length, 'conversation')} could not be read from the damaged history and ${unreadable.length === 1 ? 'is' : 'are'} not in it: ${names}.`;
}
