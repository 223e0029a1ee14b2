import type { ChatRequest, ComparedAnswer, SaveComparison } from '../../../shared/ipc';
import { buildChatRequest } from '../chat/chatRequest';
import { createMessage, type Conversation } from '../chat/conversationReducer';
import type { Column } from './compareRun';

/**
 * What each model is sent: the conversation so far, with its system prompt, then the prompt.
 * No `history`: main saves nothing until an answer is chosen.
 */
export function comparisonRequests(conversation: Conversation, prompt: string, models: readonly string[]): ChatRequest[] {
  const question = createMessage({ id: crypto.randomUUID(), role: 'user', content: prompt, model: '', createdAt: Date.now() });
  return models.map((model) => buildChatRequest({ ...conversation, model, messages: [...conversation.messages, question] }));
}

function toComparedAnswer({ id, model, content, reasoning, status, error, usage, finishReason, firstTokenMs, durationMs, thinkingMs }: Column): ComparedAnswer {
  return {
    id,
    model,
    content,
    reasoning,
    // Every column has ended by the time one is saved; one cut short for any reason was stopped.
    status: status === 'complete' || status === 'error' ? status : 'stopped',
    error,
    usage,
    finishReason,
    firstTokenMs,
    durationMs: durationMs ?? 0,
    thinkingMs,
  };
}

/**
 * "Use this answer": the prompt and the chosen column become the next turn; the other columns
 * that said something become its earlier versions, in column order. A column that failed or
 * was stopped before any text would be an empty version: it is left out.
 */
export function comparisonToSave(conversation: Conversation, question: SaveComparison['question'], columns: readonly Column[], chosenId: string): SaveComparison {
  const chosen = columns.find((column) => column.id === chosenId);
  if (!chosen) throw new Error('The chosen answer is not part of this comparison.');
  const others = columns.filter((column) => column.id !== chosen.id && (column.content !== '' || column.reasoning !== ''));
  return {
    conversationId: conversation.id,
    newConversation: !conversation.stored,
    endpointId: conversation.endpointId,
    systemPrompt: conversation.systemPrompt,
    question,
    chosen: toComparedAnswer(chosen),
    others: others.map(toComparedAnswer),
  };
}
