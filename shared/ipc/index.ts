/**
 * The IPC contract between main, preload and renderer: one table per feature (app, attachments,
 * compare, endpoints, history, keys, models, prompts, settings, tools, transfer, usage), the chat
 * stream, the change events, and the types they carry. Import from here; ARCHITECTURE.md
 * shows how to add a call.
 */
export * from './app';
export * from './attachments';
export * from './call';
export * from './changes';
export * from './chat';
export * from './compare';
export * from './endpoints';
export * from './errors';
export * from './fields';
export * from './history';
export * from './keys';
export * from './models';
export * from './prompts';
export * from './settings';
export * from './tables';
export * from './tools';
export * from './transfer';
export * from './usage';
export { DEFAULT_ENDPOINT_ID } from '../endpointIds';
export { LIMITS } from '../limits';
export { APP_COMMAND_CHANNEL, type AppCommand } from '../appCommands';
export type { ChatParams, ChatParamKey } from '../chatParams';
