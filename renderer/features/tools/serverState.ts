import type { ToolServerState } from '../../../shared/ipc';

/** A server's state in words: Starting…, Ready, Failed: <reason>, Stopped. */
export function stateText(state: ToolServerState): string {
  switch (state.status) {
    case 'starting':
      return 'Starting…';
    case 'ready':
      return 'Ready';
    case 'failed':
      return `Failed: ${state.reason}`;
    case 'stopped':
      return 'Stopped';
  }
}
