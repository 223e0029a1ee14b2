/**
 * `createApi(transport)`: the typed object the page knows as `window.parley`, one method per
 * table entry (tables.ts) plus the chat stream and the two pushes from main (menu commands,
 * changes). The same function serves Electron (IPC + a MessagePort per chat), web mode (a
 * loopback WebSocket) and the component tests' fake: only the transport differs. The page
 * never picks a channel name; each method names its own.
 */
import type { AppCommand } from '../appCommands';
import type { Change } from './changes';
import type { ChatControl, ChatEvent, ChatRequest, ChatResult } from './chat';
import type { Envelope } from './errors';
import { ParleyError } from './parleyError';
import type { ToolApproval } from './tools';
import { IPC, type Channel, type Method, type MethodRequest, type MethodResponse } from './tables';

export interface ChatStream {
  /** Asks main to stop; `done` then resolves with status `stopped` and the partial answer. */
  cancel(): void;
  /** The person's answer to "Allow tool call" for a call this stream reported as `awaiting-approval`. */
  answerToolCall(callId: string, decision: ToolApproval): void;
  /** Resolves once, with the whole result; never rejects. */
  done: Promise<ChatResult>;
}

/** What carries requests, chat streams and main's pushes. */
export interface Transport {
  invoke(channel: Channel, request: unknown): Promise<Envelope<unknown>>;
  /** Opens one chat stream; `onEvent` receives every event until and including `done`; `send` carries Stop and approvals back. */
  openChat(request: ChatRequest, onEvent: (event: ChatEvent) => void): { send(control: ChatControl): void };
  /** Commands main pushes (menu clicks); absent where there is no native menu (web mode). */
  onCommand?(listener: (command: AppCommand) => void): () => void;
  /** Changes main announces; returns the unsubscribe. Absent where nothing changes behind the page's back (small tests). */
  onChange?(listener: (change: Change) => void): () => void;
}

/** A call whose request has no required field may be made without one. */
type CallMethod<M extends Method> =
  Record<string, never> extends MethodRequest<M>
    ? (request?: MethodRequest<M>) => Promise<MethodResponse<M>>
    : (request: MethodRequest<M>) => Promise<MethodResponse<M>>;

/** The calls of every table; a failed one rejects with a ParleyError. */
export type ParleyCalls = { [M in Method]: CallMethod<M> };

export interface ParleyApi extends ParleyCalls {
  chat(request: ChatRequest, onEvent: (event: ChatEvent) => void): ChatStream;
  /** Calls `listener` with each command from the native menu; returns the unsubscribe. Never fires in web mode. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Calls `listener` with each change main announces (see changes.ts); returns the unsubscribe. */
  onChange(listener: (change: Change) => void): () => void;
}

export const CALL_METHODS = Object.keys(IPC) as Method[];

export function createApi(transport: Transport): ParleyApi {
  const calls = Object.fromEntries(
    CALL_METHODS.map((method) => [
      method,
      async (request: unknown = {}) => {
        const envelope = await transport.invoke(IPC[method].channel, request);
        if (!envelope.ok) throw new ParleyError(envelope.error);
        return envelope.value;
      },
    ]),
  ) as unknown as ParleyCalls;
  // One subscription to the transport, shared by every listener the page adds.
  const changeListeners = new Set<(change: Change) => void>();
  let subscribed = false;

  return {
    ...calls,
    chat(request, onEvent) {
      let settle: (result: ChatResult) => void = () => undefined;
      const done = new Promise<ChatResult>((resolve) => (settle = resolve));
      const stream = transport.openChat(request, (event) => {
        onEvent(event);
        if (event.type === 'done') settle(event.result);
      });
      return {
        cancel: () => stream.send({ type: 'cancel' }),
        answerToolCall: (callId, decision) => stream.send({ type: 'tool-approval', callId, decision }),
        done,
      };
    },
    onCommand: (listener) => transport.onCommand?.(listener) ?? (() => undefined),
    onChange(listener) {
      changeListeners.add(listener);
      if (!subscribed) transport.onChange?.((change) => changeListeners.forEach((each) => each(change)));
      subscribed = true;
      return () => void changeListeners.delete(listener);
    },
  };
}
