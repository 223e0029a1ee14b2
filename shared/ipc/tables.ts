/**
 * Every feature's table in one object, and what is derived from it: the channel list, the
 * request schema and the declared changes per channel, and the request and answer types of
 * each channel. The page client (client.ts), main's router and handler registration, and the
 * test fake are all built from this; none lists the calls again.
 */
import type { z } from 'zod';
import { appCalls } from './app';
import { attachmentCalls } from './attachments';
import type { CallSpec, Returns } from './call';
import { compareCalls } from './compare';
import { endpointCalls } from './endpoints';
import { historyCalls } from './history';
import { keyCalls } from './keys';
import { modelCalls } from './models';
import { promptCalls } from './prompts';
import { settingsCalls } from './settings';
import { toolCalls } from './tools';
import { transferCalls } from './transfer';
import { usageCalls } from './usage';

/** One table per feature; a method name and a channel each appear in one table only (tests/unit/shared/ipc/tables.test.ts). */
export const IPC_TABLES = {
  app: appCalls,
  attachments: attachmentCalls,
  compare: compareCalls,
  endpoints: endpointCalls,
  history: historyCalls,
  keys: keyCalls,
  models: modelCalls,
  prompts: promptCalls,
  settings: settingsCalls,
  tools: toolCalls,
  transfer: transferCalls,
  usage: usageCalls,
};

type Tables = typeof IPC_TABLES;
/** `A | B` → `A & B`: the tables as one object type. */
type Merged<U> = (U extends unknown ? (table: U) => void : never) extends (table: infer I) => void ? I : never;

/** Every entry of every table, keyed by method name. */
export const IPC = Object.assign({}, ...Object.values(IPC_TABLES)) as Merged<Tables[keyof Tables]>;

type Ipc = typeof IPC;
/** A name the page calls, e.g. `listConversations`. */
export type Method = keyof Ipc;
/** A wire name, e.g. `history:list`. */
export type Channel = Ipc[Method]['channel'];
type SpecOf<C extends Channel> = Extract<Ipc[Method], { channel: C }>;
type AnswerOf<S> = S extends { response: Returns<infer R> } ? R : never;

/** What main's handler gets: the request as its schema parsed it. */
export type RequestOf<C extends Channel> = z.output<SpecOf<C>['request']>;
export type ResponseOf<C extends Channel> = AnswerOf<SpecOf<C>>;
/** What the page passes: the request before parsing (fields with defaults may be left out). */
export type MethodRequest<M extends Method> = z.input<Ipc[M]['request']>;
export type MethodResponse<M extends Method> = AnswerOf<Ipc[M]>;

/** Every entry, as the router reads it (request and answer types erased). */
const specs = Object.values(IPC) as unknown as CallSpec[];

export const CHANNELS = specs.map((spec) => spec.channel) as Channel[];

/** The call behind each channel, for main's router. */
export const CALL_BY_CHANNEL = Object.fromEntries(specs.map((spec) => [spec.channel, spec])) as Record<Channel, CallSpec>;

/** Runtime schema per channel; main rejects anything that does not parse. */
export const requestSchemas = Object.fromEntries(specs.map((spec) => [spec.channel, spec.request])) as { [C in Channel]: SpecOf<C>['request'] };
