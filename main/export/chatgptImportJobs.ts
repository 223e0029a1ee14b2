/**
 * ChatGPT exports of any size: the page sends the file in pieces, main reads it as they arrive
 * (jsonArrayStream.ts) and stores its conversations a batch at a time, so memory holds one
 * conversation and one batch, never the file, and the page shows progress from each answer.
 *
 * Decisions: each batch is one transaction, so a conversation is stored whole or not at all; a
 * failure or a stop keeps the batches already stored (the report says how many) rather than
 * undoing minutes of work, and importing the file again with "skip" goes on where it stopped,
 * since ids are ChatGPT's own.
 */
import { randomUUID } from 'node:crypto';
import { TextDecoder } from 'node:util';
import type { ImportProgress, ImportReport } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { DuplicateMode, ImportConversations } from '../history/importConversations';
import { chatgptConversation, chatgptSource } from './chatgptImport';
import { JsonArrayError, JsonArraySplitter } from './jsonArrayStream';
import type { ExportConversation } from './types';

/** Conversations stored per transaction: few enough to keep memory small, enough to keep commits rare. */
const BATCH = 50;

interface Job {
  name: string;
  duplicates: DuplicateMode;
  splitter: JsonArraySplitter;
  decoder: TextDecoder;
  bytes: number;
  index: number;
  /** Read, not yet stored, in file order; `repeated`: its id came earlier in the file. */
  batch: { conversation: ExportConversation; notes: string[]; source: string; repeated: boolean }[];
  seen: Set<string>;
  report: ImportReport;
}

export interface ChatGptImportJobs {
  begin(name: string, duplicates: DuplicateMode): string;
  /** Reads the next piece of the file (base64); answers how far the import has got. */
  chunk(jobId: string, base64: string): ImportProgress;
  /** The end of the file: the rest is stored and the report given. */
  finish(jobId: string): ImportReport;
  /** Stops: what was stored stays, and the report says what. */
  cancel(jobId: string): ImportReport;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createChatGptImportJobs(store: ImportConversations, newId: () => string = randomUUID): ChatGptImportJobs {
  const jobs = new Map<string, Job>();

  const job = (jobId: string): Job => {
    const found = jobs.get(jobId);
    if (!found) throw new AppFailure({ code: 'invalid-request', message: 'Parley knows of no such import; it may have finished already.' });
    return found;
  };

  /** `storedFrom`: how many were imported before this piece, so the answer names the ones it stored. */
  const progress = (j: Job, storedFrom: number): ImportProgress => ({
    bytes: j.bytes,
    imported: j.report.imported.length,
    skipped: j.report.skipped.length,
    storedIds: j.report.imported.slice(storedFrom).map(({ id }) => id),
  });

  /** Stores the batch in one transaction; a failure ends the import with what was stored so far. */
  function flush(jobId: string, j: Job): void {
    if (j.batch.length === 0) return;
    const batch = j.batch;
    j.batch = [];
    let outcomes: (string | null)[];
    try {
      outcomes = store(batch.filter((item) => !item.repeated).map((item) => item.conversation), j.duplicates);
    } catch (error) {
      jobs.delete(jobId);
      const stored = j.report.imported.length;
      throw new AppFailure({
        code: 'internal',
        message: `The import stopped (${errorText(error)}). ${stored} conversation${stored === 1 ? ' was' : 's were'} imported before; importing the file again with “Skip it” goes on from there.`,
      });
    }
    let at = 0;
    for (const { conversation, notes, source, repeated } of batch) {
      const skipped = repeated ? 'it appears more than once in this file; the first is imported.' : (outcomes[at++] ?? null);
      if (skipped !== null) j.report.skipped.push({ source, reason: skipped });
      else j.report.imported.push({ id: conversation.id, title: conversation.title, ...(notes.length > 0 ? { notes } : {}) });
    }
  }

  function read(j: Job, element: string): void {
    const index = j.index++;
    let item: unknown;
    try {
      item = JSON.parse(element);
    } catch (error) {
      j.report.skipped.push({ source: `${j.name}: conversation ${index + 1}`, reason: `it is not valid JSON (${errorText(error)}).` });
      return;
    }
    const source = `${j.name}: ${chatgptSource(item, index)}`;
    const result = chatgptConversation(item);
    if ('skipped' in result) {
      j.report.skipped.push({ source, reason: result.skipped });
      return;
    }
    const repeated = j.seen.has(result.conversation.id);
    j.seen.add(result.conversation.id);
    j.batch.push({ ...result, source, repeated });
  }

  function notAnExport(jobId: string, j: Job, error: JsonArrayError): never {
    jobs.delete(jobId);
    throw new AppFailure({ code: 'invalid-request', message: `${j.name} is not a ChatGPT conversations.json: ${error.message}.` });
  }

  return {
    begin(name, duplicates) {
      const jobId = newId();
      jobs.set(jobId, { name, duplicates, splitter: new JsonArraySplitter(), decoder: new TextDecoder('utf-8'), bytes: 0, index: 0, batch: [], seen: new Set(), report: { imported: [], skipped: [] } });
      return jobId;
    },

    chunk(jobId, base64) {
      const j = job(jobId);
      const storedFrom = j.report.imported.length;
      const bytes = Buffer.from(base64, 'base64');
      j.bytes += bytes.length;
      let elements: string[];
      try {
        elements = j.splitter.push(j.decoder.decode(bytes, { stream: true }));
      } catch (error) {
        if (error instanceof JsonArrayError) notAnExport(jobId, j, error);
        throw error;
      }
      for (const element of elements) {
        read(j, element);
        if (j.batch.length >= BATCH) flush(jobId, j);
      }
      return progress(j, storedFrom);
    },

    finish(jobId) {
      const j = job(jobId);
      let cutShort: JsonArrayError | null = null;
      try {
        for (const element of j.splitter.push(j.decoder.decode())) read(j, element);
        j.splitter.end();
      } catch (error) {
        if (!(error instanceof JsonArrayError)) throw error;
        if (j.index === 0) notAnExport(jobId, j, error);
        cutShort = error;
      }
      flush(jobId, j);
      jobs.delete(jobId);
      if (cutShort) j.report.skipped.push({ source: j.name, reason: `${cutShort.message}: the file may be cut short. The conversations before that point were read.` });
      return j.report;
    },

    cancel(jobId) {
      const j = job(jobId);
      flush(jobId, j);
      jobs.delete(jobId);
      j.report.skipped.push({ source: j.name, reason: `the import was stopped after ${j.index} conversation${j.index === 1 ? '' : 's'} of the file; the rest were not imported.` });
      return j.report;
    },
  };
}
