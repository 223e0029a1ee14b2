import type { ToolCallRecord } from '../../shared/ipc';
import type { AnswerText } from './messages';
import { storable } from './snippet';
import type { AnswerDelta, AnswerOutcome, StoredMessage } from './types';

/** How often, at most, a streaming answer's text is written to its row. */
export const FLUSH_INTERVAL_MS = 250;

/** setTimeout/clearTimeout, injectable so tests control time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AnswerWriterOptions {
  flushIntervalMs?: number;
  timers?: Timers;
}

/** Where the writer saves: the store's messages part. */
export interface AnswerSink {
  flushAnswer(id: string, text: AnswerText): void;
  finishAnswer(id: string, text: AnswerText, outcome: AnswerOutcome): StoredMessage;
  /** Saves the text so far and the call's new state in one durable transaction. */
  saveToolCall(id: string, text: AnswerText, call: ToolCallRecord): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Collects a streamed answer in memory and writes it to its row at most once per interval,
 * so a crash loses at most that much text while a fast stream costs a few writes a second.
 * A write that fails (a full disk) loses nothing: the text stays in memory, the next flush or
 * finish writes all of it, and a failed finish can be called again.
 */
export class AnswerWriter {
  /** Starts from the row's text: empty for a new answer, what it had for a continued one. */
  private readonly text: AnswerText;
  private pending: unknown = null;
  /** Set by finish: no more text arrives. */
  private closed = false;
  private finished = false;
  private flushFailed: (error: unknown) => void = () => undefined;
  /** Set while flushes fail, so a full disk is logged once, not four times a second. */
  private failing = false;
  private readonly intervalMs: number;
  private readonly timers: Timers;

  constructor(
    /** The row as created (or reopened for a continuation), status `streaming`. */
    readonly message: StoredMessage,
    private readonly sink: AnswerSink,
    options: AnswerWriterOptions = {},
  ) {
    this.text = { content: message.content, reasoning: message.reasoning };
    this.intervalMs = options.flushIntervalMs ?? FLUSH_INTERVAL_MS;
    this.timers = options.timers ?? realTimers;
  }

  /** Told when a flush fails (the chat tells the page that the answer is not saved yet). */
  onFlushFailure(listener: (error: unknown) => void): void {
    this.flushFailed = listener;
  }

  append(delta: AnswerDelta): void {
    if (this.closed) throw new Error(`The answer ${this.message.id} is already finished.`);
    if (delta.content) this.text.content += storable(delta.content);
    if (delta.reasoning) this.text.reasoning += storable(delta.reasoning);
    this.pending ??= this.timers.setTimeout(() => this.flush(), this.intervalMs);
  }

  /**
   * Commits a tool call's new state with all the text before it: a crash while a tool runs (or
   * waits for the person) keeps the answer up to the call and the call itself.
   */
  recordToolCall(call: ToolCallRecord): void {
    if (this.closed) throw new Error(`The answer ${this.message.id} is already finished.`);
    this.sink.saveToolCall(this.message.id, this.text, call);
  }

  /**
   * Writes all the text and how the answer ended in one transaction. Stopped and failed answers
   * keep their text. When the write throws, nothing is lost and finish can be called again.
   */
  finish(outcome: AnswerOutcome): StoredMessage {
    if (this.finished) throw new Error(`The answer ${this.message.id} is already finished.`);
    this.closed = true;
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.pending = null;
    const saved = this.sink.finishAnswer(this.message.id, this.text, outcome);
    this.finished = true;
    return saved;
  }

  private flush(): void {
    this.pending = null;
    try {
      this.sink.flushAnswer(this.message.id, this.text);
      this.failing = false;
    } catch (error) {
      // The text stays in memory: the next flush or finish writes all of it.
      if (!this.failing) console.warn(`Parley could not save part of answer ${this.message.id}:`, error instanceof Error ? error.message : error);
      this.failing = true;
      this.flushFailed(error);
    }
  }
}
