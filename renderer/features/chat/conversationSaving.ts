import type { ChatEvent, ChatResult } from '../../../shared/ipc';
import type { ParleyApi } from '../../../shared/ipc/client';

/**
 * Tells, once, when main holds a conversation its first turn creates (`newConversation`): as soon
 * as the stream shows anything but its end (main commits the turn before sending), or when it ends
 * without failing. A failed end may be a refusal after the commit or a commit that failed: main
 * says which.
 */
export function conversationSaving(api: ParleyApi, conversationId: string, onSaved: () => void) {
  let known = false;
  const saved = () => {
    if (known) return;
    known = true;
    onSaved();
  };
  return {
    during(event: ChatEvent) {
      if (event.type !== 'done') saved();
    },
    after(result: ChatResult) {
      if (known) return;
      if (result.status !== 'error') return saved();
      api
        .conversationSummaries({ ids: [conversationId] })
        .then((found) => found.length > 0 && saved())
        .catch((error: unknown) => console.warn('Could not learn whether the conversation was saved', error));
    },
  };
}
