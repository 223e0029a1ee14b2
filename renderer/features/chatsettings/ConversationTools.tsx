import { useState } from 'react';
import '../../styles/conversationTools.css';
import type { ChatParams } from '../../../shared/ipc';
import { ParametersButton } from '../params/ParametersButton';
import { PromptsDialog } from '../prompts/lazy';

interface ConversationToolsProps {
  model: string;
  params: ChatParams;
  onParams: (params: ChatParams) => void;
  onApplyPrompt: (text: string) => void;
}

/** "Parameters" and "Prompts" in the chat header: how the open conversation is set up. */
export function ConversationTools({ model, params, onParams, onApplyPrompt }: ConversationToolsProps) {
  const [promptsOpen, setPromptsOpen] = useState(false);
  return (
    <div className="conversation-tools">
      <ParametersButton model={model} params={params} onChange={onParams} />
      <button type="button" aria-haspopup="dialog" onClick={() => setPromptsOpen(true)}>
        Prompts
      </button>
      {promptsOpen && <PromptsDialog onApply={onApplyPrompt} onClose={() => setPromptsOpen(false)} />}
    </div>
  );
}
