import { describe, expect, it } from 'vitest';
import type { ChatResult } from '../../../../shared/ipc';
import { titleFrom } from '../../../../shared/conversationTitle';
import { buildChatRequest } from '../../../../renderer/features/chat/chatRequest';
import {
  conversationReducer,
  createConversation,
  createMessage,
  type Conversation,
  type Message,
} from '../../../../renderer/features/chat/conversationReducer';

const MODEL = 'org/model';

function user(id: string, content: string): Message {
  return createMessage({ id, role: 'user', content, model: MODEL, createdAt: 1 });
}

function answer(id: string, fields: Partial<Message> = {}): Message {
  return { ...createMessage({ id, role: 'assistant', status: 'streaming', model: MODEL, createdAt: 1 }), ...fields };
}

function result(fields: Partial<ChatResult>): ChatResult {
  return { status: 'complete', content: '', reasoning: '', usage: null, finishReason: 'stop', error: null, firstTokenMs: 50, durationMs: 400, thinkingMs: null, ...fields };
}

function sent(): Conversation {
  return conversationReducer(createConversation('c1', MODEL, 'Be brief.'), { type: 'send', user: user('u1', 'Hello there\nsecond line'), assistant: answer('a1') });
}

describe('conversationReducer', () => {
  it('appends the question and a streaming answer, and titles the conversation from the first line', () => {
    const state = sent();
    expect(state.title).toBe('Hello there');
    expect(state.messages.map((message) => [message.role, message.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'streaming'],
    ]);
  });

  it("takes a streaming answer's text as drawn so far, without touching other messages", () => {
    let state = sent();
    const question = state.messages[0];
    state = conversationReducer(state, { type: 'text', id: 'a1', content: 'Hi', reasoning: 'think', thinkingMs: null });
    state = conversationReducer(state, { type: 'text', id: 'a1', content: 'Hi you', reasoning: 'think', thinkingMs: 900 });
    expect(state.messages[1]).toMatchObject({ content: 'Hi you', reasoning: 'think', thinkingMs: 900 });
    expect(state.messages[0]).toBe(question);
  });

  it('finishes with the result, keeping streamed text when the result carries none', () => {
    let state = conversationReducer(sent(), { type: 'text', id: 'a1', content: 'partial', reasoning: '', thinkingMs: null });
    const error = { code: 'dropped' as const, message: 'The connection dropped.' };
    state = conversationReducer(state, { type: 'finish', id: 'a1', result: result({ status: 'error', error, firstTokenMs: 80, durationMs: 1200 }) });
    expect(state.messages[1]).toMatchObject({ status: 'error', content: 'partial', error, firstTokenMs: 80, durationMs: 1200 });
  });

  it('records usage and keeps it when the result has none', () => {
    const usage = { promptTokens: 10, completionTokens: 5, totalTokens: 15 };
    let state = conversationReducer(sent(), { type: 'usage', id: 'a1', usage });
    state = conversationReducer(state, { type: 'finish', id: 'a1', result: result({ content: 'ok' }) });
    expect(state.messages[1]).toMatchObject({ status: 'complete', content: 'ok', usage });
  });

  it('a request started over takes the answer back to its text before it', () => {
    let state = conversationReducer(sent(), { type: 'text', id: 'a1', content: 'abc', reasoning: 'r', thinkingMs: null });
    state = conversationReducer(state, { type: 'text', id: 'a1', content: '', reasoning: '', thinkingMs: null });
    expect(state.messages[1]).toMatchObject({ content: '', reasoning: '' });
  });

  it('retry replaces the failed answer in place', () => {
    const state = conversationReducer(sent(), { type: 'retry', failedId: 'a1', assistant: answer('a2') });
    expect(state.messages.map((message) => message.id)).toEqual(['u1', 'a2']);
  });

  it('ignores events for messages it does not hold (a stream left behind by New chat)', () => {
    const state = sent();
    expect(conversationReducer(state, { type: 'text', id: 'gone', content: 'x', reasoning: '', thinkingMs: null })).toBe(state);
    expect(conversationReducer(state, { type: 'retry', failedId: 'gone', assistant: answer('a2') })).toBe(state);
  });

  it('sets model and system prompt, and reset replaces everything', () => {
    let state = conversationReducer(sent(), { type: 'setModel', model: 'other' });
    state = conversationReducer(state, { type: 'setSystemPrompt', systemPrompt: 'Be kind.' });
    expect(state).toMatchObject({ model: 'other', systemPrompt: 'Be kind.' });
    const fresh = createConversation('c2', 'm', '');
    expect(conversationReducer(state, { type: 'reset', conversation: fresh })).toBe(fresh);
  });

  it('cuts long titles', () => {
    expect(titleFrom(`  ${'x'.repeat(100)}`)).toHaveLength(60);
    expect(titleFrom('  \n')).toBe('');
  });
});

describe('buildChatRequest', () => {
  it('sends model, system prompt and the history, leaving out failed and empty answers', () => {
    const conversation: Conversation = {
      ...createConversation('c', MODEL, 'Be brief.'),
      messages: [
        user('u1', 'one'),
        answer('a1', { status: 'complete', content: 'first' }),
        user('u2', 'two'),
        answer('a2', { status: 'error', content: 'half', error: { code: 'server', message: 'x' } }),
        user('u3', 'three'),
        answer('a3', { status: 'stopped', content: '' }),
        user('u4', 'four'),
      ],
    };
    expect(buildChatRequest(conversation)).toEqual({
      model: MODEL,
      systemPrompt: 'Be brief.',
      endpointId: 'wandb',
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: 'first' },
        { role: 'user', content: 'two' },
        { role: 'user', content: 'three' },
        { role: 'user', content: 'four' },
      ],
    });
    expect(buildChatRequest(conversation, 3).messages).toHaveLength(3);
  });
});
