import { useId, useState } from 'react';
import { paramsSummary } from '../../../shared/chatParams';
import type { ChatParams } from '../../../shared/ipc';
import { ParametersDialog } from './lazy';

interface ParametersButtonProps {
  model: string;
  params: ChatParams;
  onChange: (params: ChatParams) => void;
}

/** "Parameters" in the chat header, with a short line of what is set. */
export function ParametersButton({ model, params, onChange }: ParametersButtonProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const summary = paramsSummary(params);
  return (
    <div className="parameters-control">
      <button type="button" aria-haspopup="dialog" aria-describedby={`${id}-summary`} onClick={() => setOpen(true)}>
        Parameters
      </button>
      <span id={`${id}-summary`} className="hint parameters-summary">
        {summary || 'Model defaults'}
      </span>
      {open && <ParametersDialog model={model} params={params} onChange={onChange} onClose={() => setOpen(false)} />}
    </div>
  );
}
