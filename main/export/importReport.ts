/** What every importer tells the user: what came in, and what did not and why. */
import type { ExportConversation } from './types';

export interface ImportReport {
  /** `notes` say what of the conversation was left out or changed, one sentence each. */
  imported: { id: string; title: string; notes?: string[] }[];
  /** `source` names the file, or the file and the conversation or message inside it. */
  skipped: { source: string; reason: string }[];
}

export interface ImportResult {
  conversations: ExportConversation[];
  report: ImportReport;
}

export const emptyReport = (): ImportReport => ({ imported: [], skipped: [] });
