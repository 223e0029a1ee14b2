/**
 * Names a conversation after its first exchange: a short request to the same model when the
 * user allows it (Settings › auto-title), else the first words of the first message. The
 * renderer calls it after the first answer, so it never holds up the chat.
 */
import type { ConversationSummary } from '../../shared/ipc';
import { titleFrom } from '../../shared/conversationTitle';
import type { HistoryStore } from '../history/historyStore';
import type { ChatFn } from './savedChat';
import { summaryOf } from './views';
import { missingConversation } from '../history/storeContext';

/** Enough of the exchange for a title; the rest would cost tokens for nothing. */
const EXCERPT_CHARS = 1_500;
const TITLE_TIMEOUT_MS = 20_000;
const MAX_TITLE_CHARS = 80;

const TITLE_PROMPT =
  'You name conversations. Reply with a title of at most six words for the conversation below, in its language. ' +
  'Reply with the title only: no quotes, no punctuation at the end, no explanation.';

/** The model's reply as a one-line title, or '' when it gave nothing usable. */
export function cleanTitle(reply: string): string {
  const line = reply
    .replace(/<think>[\s\S]*?<\/think>/g, '')
    .split('\n')
    .map((part) => part.trim())
    .find((part) => part.length > 0);
  if (!line) return '';
  const unquoted = line
    .replace(/^(title|titre|titel)\s*:\s*/i, '')
    .replace(/[.。!！]+$/u, '')
    .replace(/^["'“”‘’«»「『*#\s]+|["'“”‘’«»」』*\s]+$/gu, '')
    .replace(/[.。!！]+$/u, '')
    .trim();
  return unquoted.length > MAX_TITLE_CHARS ? `${unquoted.slice(0, MAX_TITLE_CHARS - 1)}…` : unquoted;
}

export function createAutoTitler(deps: { chat: ChatFn; store: HistoryStore; enabled: () => boolean }) {
  // The conversation's own endpoint: its text must not go to another server.
  async function askModel({ model, endpoint }: { model: string; endpoint: string }, question: string, answer: string): Promise<string> {
    const excerpt = `User: ${question.slice(0, EXCERPT_CHARS)}\n\nAssistant: ${answer.slice(0, EXCERPT_CHARS)}`;
    const result = await deps.chat(
      { model, systemPrompt: TITLE_PROMPT, messages: [{ role: 'user', content: excerpt }], ...(endpoint ? { endpointId: endpoint } : {}) },
      () => undefined,
      AbortSignal.timeout(TITLE_TIMEOUT_MS),
    );
    return result.status === 'complete' ? cleanTitle(result.content) : '';
  }

  return async function autoTitle(id: string): Promise<ConversationSummary> {
    const conversation = deps.store.getConversation(id);
    if (!conversation) throw missingConversation();
    const question = conversation.messages.find((message) => message.role === 'user');
    const answer = conversation.messages.find((message) => message.role === 'assistant' && message.status === 'complete');
    const fallback = question ? titleFrom(question.content) : '';
    // A title the user chose is theirs: only the automatic one is replaced.
    const untouched = !conversation.title.trim() || conversation.title === fallback || conversation.title === 'New chat';
    if (!untouched || !question) return summaryOf(conversation);

    const title = (deps.enabled() && answer ? await askModel(conversation, question.content, answer.content) : '') || fallback || 'New chat';
    const current = deps.store.getConversation(id);
    // The user may have renamed it while the model was thinking.
    if (!current || current.title !== conversation.title) return summaryOf(current ?? conversation);
    return summaryOf(deps.store.updateConversation(id, { title }));
  };
}
