/**
 * The person's answers to "Allow tool call", for one chat stream. The chat service asks and
 * waits; the transport (a MessagePort in Electron, the socket in web mode) hands in what the
 * page answered. Only a call that is being asked about can be answered, once: a page cannot
 * approve a call ahead of time, and an answer for another stream's call goes nowhere.
 */
import type { ToolApproval } from '../../shared/ipc';

export interface ToolApprovals {
  /** Resolves with the answer; with `deny` when the stream is stopped first. */
  ask(callId: string, signal: AbortSignal): Promise<ToolApproval>;
  /** The page's answer; ignored unless that call is waiting for one. */
  answer(callId: string, decision: ToolApproval): void;
}

export function createToolApprovals(): ToolApprovals {
  const waiting = new Map<string, (decision: ToolApproval) => void>();
  return {
    ask(callId, signal) {
      if (signal.aborted) return Promise.resolve('deny');
      return new Promise((resolve) => {
        const settle = (decision: ToolApproval) => {
          waiting.delete(callId);
          signal.removeEventListener('abort', onAbort);
          resolve(decision);
        };
        const onAbort = () => settle('deny');
        signal.addEventListener('abort', onAbort, { once: true });
        waiting.set(callId, settle);
      });
    },
    answer(callId, decision) {
      waiting.get(callId)?.(decision);
    },
  };
}

/** For streams with no page to ask (auto-titles, tests of plain chats): every call is refused. */
export const NO_APPROVALS: ToolApprovals = { ask: async () => 'deny', answer: () => undefined };
