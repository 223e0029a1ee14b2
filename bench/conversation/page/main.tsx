// First, as in renderer/main.tsx: the cascade layers' order and the design tokens.
import '../../../renderer/styles/foundation.css';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ParleyApi } from '../../../shared/ipc/client';
import '../../../renderer/styles.css';
// What the app has loaded by the time a conversation is on screen: the shell's and the thread's layout.
import '../../../renderer/app/shell.css';
import '../../../renderer/features/chat/chat.css';
import { ParleyContext } from '../../../renderer/lib/ParleyContext';
import { createMessage, type Message } from '../../../renderer/features/chat/conversationReducer';
import { MessageActionsContext, type MessageActions } from '../../../renderer/features/chat/MessageActionsContext';
import { MessageList } from '../../../renderer/features/chat/MessageList';
import { createLiveAnswers } from '../../../renderer/features/chat/liveAnswers';
import { sampleAnswer } from '../../markdown/sampleAnswer';
import { NaiveMessageList } from './NaiveMessageList';

export type ListKind = 'parley' | 'naive';

/** What bench/conversation.bench.ts drives through page.evaluate. */
export interface ConversationPage {
  /** Opens a conversation of `count` messages and resolves with the ms until its first frame has been painted. */
  open(kind: ListKind, count: number): Promise<number>;
  reset(): void;
}

const noop = () => {};
/** Nothing streams on this page. */
const noLiveAnswers = createLiveAnswers();
const api = { openLink: async () => {} } as unknown as ParleyApi;
const actions: MessageActions = { continuableId: null, idle: true, regenerate: noop, continueAnswer: noop, fork: null, edit: noop, showVersion: async () => {}, remove: async () => {}, params: {}, dropParamAndRetry: noop };
const answers = sampleAnswer(4_000);

/** Questions and Markdown answers of varied length, the same every run. */
function conversation(count: number, run: number): Message[] {
  return Array.from({ length: count }, (_, n) => {
    const user = n % 2 === 0;
    const content = user ? `Question ${n / 2 + 1}: how does step ${n} work?` : answers.slice(0, 300 + ((n * 997) % 3_000));
    return { ...createMessage({ id: `${run}-${n}`, role: user ? 'user' : 'assistant', content, model: 'bench/model', createdAt: n }), usage: user ? null : { promptTokens: 50, completionTokens: 400, totalTokens: 450 } };
  });
}

const container = document.getElementById('root') as HTMLElement;
let root: Root = createRoot(container);
let runs = 0;

const nextPaint = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done)));

const page: ConversationPage = {
  async open(kind, count) {
    const messages = conversation(count, ++runs);
    const started = performance.now();
    flushSync(() =>
      root.render(
        <ParleyContext.Provider value={api}>
          <MessageActionsContext.Provider value={actions}>
            <main className="chat-main" style={{ height: '100vh' }}>
              <div className="thread">
                {kind === 'parley' ? (
                  <MessageList conversationId={`c${runs}`} messages={messages} liveAnswers={noLiveAnswers} retrying={null} canRetry target={null} onRetry={noop} onOpenSettings={noop} />
                ) : (
                  <NaiveMessageList messages={messages} />
                )}
              </div>
            </main>
          </MessageActionsContext.Provider>
        </ParleyContext.Provider>,
      ),
    );
    await nextPaint();
    return performance.now() - started;
  },
  reset() {
    root.unmount();
    root = createRoot(container);
  },
};

(window as unknown as { conversationPage: ConversationPage }).conversationPage = page;
