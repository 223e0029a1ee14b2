/**
 * Messages of the web-mode bridge: the loopback WebSocket that stands in for Electron IPC
 * when the renderer runs in a plain browser (development and tests only, never shipped).
 */
import type { Change } from './changes';
import type { ChatControl, ChatEvent, ChatRequest } from './chat';
import type { Envelope } from './errors';
import type { Channel } from './tables';

export type BridgeRequest =
  | { id: number; kind: 'invoke'; channel: Channel; request: unknown }
  | { id: number; kind: 'chat'; request: ChatRequest }
  | { id: number; kind: 'chat-control'; control: ChatControl };

export type BridgeReply =
  | { id: number; kind: 'result'; envelope: Envelope<unknown> }
  | { id: number; kind: 'event'; event: ChatEvent }
  /** Pushed to every open page, answering no request. */
  | { id: 0; kind: 'change'; change: Change };

export const BRIDGE_PATH = '/bridge';
export const TOKEN_PARAM = 'token';
