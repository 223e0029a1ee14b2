import { useCallback, useEffect, useId } from 'react';
import type { Settings } from '../../../preload/contract';
import { useParley } from '../../app/ParleyContext';
import { ModelPicker } from '../models/ModelPicker';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { useChat } from './useChat';

interface ChatViewProps {
  settings: Settings;
  onSettings: (settings: Settings) => void;
  onOpenSettings: () => void;
}

export function ChatView({ settings, onSettings, onOpenSettings }: ChatViewProps) {
  const api = useParley();
  const id = useId();
  const chat = useChat(api, { model: settings.defaultModel, systemPrompt: settings.defaultSystemPrompt });
  const { conversation, streaming, stop, setModel } = chat;

  const chooseModel = useCallback(
    (model: string) => {
      setModel(model);
      // Remembering the choice is a convenience: the chat goes on even if it fails.
      api.updateSettings({ defaultModel: model }).then(onSettings, (error: unknown) => console.warn('Could not remember the model', error));
    },
    [api, onSettings, setModel],
  );

  // Escape stops the answer from anywhere, unless something (a dialog, the model list) used it.
  useEffect(() => {
    if (!streaming) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) stop();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [streaming, stop]);

  return (
    <div className="chat-layout">
      <header className="toolbar">
        <span className="brand">Parley</span>
        <span className="conversation-title">{conversation.title || 'New conversation'}</span>
        <button type="button" onClick={() => chat.reset({ model: conversation.model, systemPrompt: settings.defaultSystemPrompt })}>
          New chat
        </button>
        <button type="button" onClick={onOpenSettings}>
          Settings
        </button>
      </header>
      <aside className="sidebar">
        <ModelPicker value={conversation.model} onChange={chooseModel} />
        <div className="field system-prompt">
          <label htmlFor={`${id}-system`}>System prompt</label>
          <textarea
            id={`${id}-system`}
            placeholder="You are a helpful assistant."
            value={conversation.systemPrompt}
            onChange={(event) => chat.setSystemPrompt(event.target.value)}
          />
        </div>
      </aside>
      <main className="chat-main">
        <MessageList
          messages={conversation.messages}
          retrying={chat.retrying}
          canRetry={!streaming && conversation.model !== ''}
          onRetry={chat.retry}
          onOpenSettings={onOpenSettings}
        />
        <Composer hasModel={conversation.model !== ''} streaming={streaming} onSend={chat.send} onStop={stop} />
      </main>
    </div>
  );
}
