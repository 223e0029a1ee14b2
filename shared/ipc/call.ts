/**
 * How one IPC call is written down in a feature's table (history.ts, prompts.ts…): the channel
 * it travels on, the zod schema main validates its request with, the type of its answer, and
 * what it changes. A table is an object of these, keyed by the method name the page calls.
 */
import { z } from 'zod';
import type { Change } from './changes';

declare const answerType: unique symbol;

/** The type of a call's answer, for the compiler only: nothing of it exists at runtime. */
export interface Returns<T> {
  readonly [answerType]?: T;
}

export const returns = <T>(): Returns<T> => ({});

export interface CallSpec<C extends string = string, Q extends z.ZodType = z.ZodType, R = unknown> {
  /** The wire name; unique across all tables. */
  channel: C;
  /** Main parses every request with this before a handler sees it. */
  request: Q;
  response: Returns<R>;
  /** What a successful call changed, announced to the window (see changes.ts). */
  changes?: (request: z.output<Q>, response: R) => Change[];
}

/** One table entry, typed from its parts. */
export const call = <const C extends string, Q extends z.ZodType, R>(spec: CallSpec<C, Q, R>): CallSpec<C, Q, R> => spec;

/** The request of a call that takes nothing. */
export const emptySchema = z.object({}).strict();
