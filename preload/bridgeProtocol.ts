/**
 * Messages of the web-mode bridge: the loopback WebSocket that stands in for Electron IPC
 * when the renderer runs in a plain browser (development and tests only, never shipped).
 */
import type { Channel, ChatControl, ChatEvent, ChatRequest, Envelope } from './contract';

export type BridgeRequest =
  | { id: number; kind: 'invoke'; channel: Channel; request: unknown }
  | { id: number; kind: 'chat'; request: ChatRequest }
  | { id: number; kind: 'chat-control'; control: ChatControl };

export type BridgeReply =
  | { id: number; kind: 'result'; envelope: Envelope<unknown> }
  | { id: number; kind: 'event'; event: ChatEvent };

export const BRIDGE_PATH = '/bridge';
export const TOKEN_PARAM = 'token';
