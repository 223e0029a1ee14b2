/**
 * The chat stream's own channel (one MessagePort per request in Electron). Kept apart from
 * the schemas in contract.ts so the sandboxed preload bundle does not carry zod.
 */
export const CHAT_CHANNEL = 'chat:start';
