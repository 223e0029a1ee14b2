import { useState } from 'react';
import '../styles/conversationTools.css';
import type { ChatParams, PromptLibrary, Settings } from '../../shared/ipc';
import { ParametersButton } from '../features/params/ParametersButton';
import { PromptsDialog } from '../features/prompts/PromptsDialog';

interface ConversationToolsProps {
  model: string;
  params: ChatParams;
  prompts: PromptLibrary;
  onParams: (params: ChatParams) => void;
  onSettings: (settings: Settings) => void;
  onPrompts: (prompts: PromptLibrary) => void;
  onApplyPrompt: (text: string) => void;
}

/** "Parameters" and "Prompts" in the chat header: how the open conversation is set up. */
export function ConversationTools({ model, params, prompts, onParams, onSettings, onPrompts, onApplyPrompt }: ConversationToolsProps) {
  const [promptsOpen, setPromptsOpen] = useState(false);
  return (
    <div className="conversation-tools">
      <ParametersButton model={model} params={params} onChange={onParams} onSettings={onSettings} />
      <button type="button" aria-haspopup="dialog" onClick={() => setPromptsOpen(true)}>
        Prompts
      </button>
      {promptsOpen && (
        <PromptsDialog
          library={prompts}
          onLibrary={onPrompts}
          onApply={onApplyPrompt}
          onClose={() => setPromptsOpen(false)}
        />
      )}
    </div>
  );
}
