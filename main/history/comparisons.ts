/**
 * Compare's "Use this answer": the prompt becomes the conversation's next question, the chosen
 * answer its answer, and the other answers that answer's earlier versions (so `‹ 1/3 ›` shows
 * them), each with its own id, model, status and stats. All in one durable transaction: the
 * turn is there whole or not at all.
 *
 * The rows are laid down the way a run of regenerations would leave them (each answer replacing
 * the one before, which is kept as a version), so versions here and there are one thing.
 */
import type { ComparedAnswer } from '../../shared/ipc';
import { titleFrom } from '../../shared/conversationTitle';
import type { Conversations } from './conversations';
import { write } from './database';
import type { Messages } from './messages';
import { storable } from './snippet';
import { missingConversation, type StoreContext } from './storeContext';

export interface Comparison {
  conversationId: string;
  /** Set for a chat not saved yet: unless it exists by now, it is created in the same transaction, held with this endpoint. */
  create: { endpoint: string } | null;
  systemPrompt: string;
  question: { id: string; content: string };
  chosen: ComparedAnswer;
  /** Kept as the chosen answer's earlier versions, oldest first, in this order. */
  others: ComparedAnswer[];
}

export type SaveComparison = (comparison: Comparison) => void;

export function createComparisonSaver({ db }: Pick<StoreContext, 'db'>, conversations: Conversations, messages: Messages): SaveComparison {
  return ({ conversationId, create, systemPrompt, question, chosen, others }) =>
    write(
      db,
      () => {
        // Continuing with the chosen answer is continuing with its model.
        const model = chosen.model;
        const title = titleFrom(question.content) || 'New chat';
        const conversation = conversations.get(conversationId);
        if (conversation) {
          conversations.update(conversationId, conversation.title.trim() ? { model, systemPrompt } : { model, systemPrompt, title });
        } else if (create) {
          conversations.create({ id: conversationId, title, model, systemPrompt, params: {}, endpoint: create.endpoint });
        } else {
          throw missingConversation();
        }
        messages.addUser(conversationId, { id: question.id, content: question.content, model, params: {} });
        let previous: string | null = null;
        for (const answer of [...others, chosen]) {
          const input = { id: answer.id, model: answer.model, params: {} };
          const row: { id: string } = previous === null ? messages.startAnswer(conversationId, input) : messages.regenerateAnswer(conversationId, previous, input);
          messages.finishAnswer(row.id, { content: storable(answer.content), reasoning: storable(answer.reasoning) }, answer);
          previous = row.id;
        }
      },
      'durable',
    );
}
