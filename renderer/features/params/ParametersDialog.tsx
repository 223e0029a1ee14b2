import { useEffect, useId, useState } from 'react';
import { PARAM_LIMITS, paramsSummary, withoutParam, type ChatParamKey } from '../../../shared/chatParams';
import type { ChatParams, ReasoningMode } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { ActionStatus } from '../../components/ActionStatus';
import { Modal } from '../../components/Modal';
import { useActionStatus } from '../../lib/useActionStatus';
import { useSettings } from '../settings/settingsContext';
import { NumberParamField } from './NumberParamField';
import { ReasoningField } from './ReasoningField';
import { StopSequencesField } from './StopSequencesField';

interface ParametersDialogProps {
  model: string;
  params: ChatParams;
  onChange: (params: ChatParams) => void;
  onClose: () => void;
}

/** Sets or unsets one key, so "not set" is an absent key, never `undefined` in the object. */
function withValue<K extends ChatParamKey>(params: ChatParams, key: K, value: ChatParams[K] | undefined): ChatParams {
  return value === undefined ? withoutParam(params, key) : { ...params, [key]: value };
}

/**
 * The open conversation's chat parameters. Each valid change applies at once; only what is set
 * is sent. "Use for new chats" makes them the defaults new chats start with.
 */
export function ParametersDialog({ model, params, onChange, onClose }: ParametersDialogProps) {
  const api = useParley();
  const { update } = useSettings();
  const id = useId();
  const [reasoning, setReasoning] = useState<ReasoningMode | null>(null);
  const { status, error, run } = useActionStatus();

  useEffect(() => {
    let live = true;
    // The cached list: opening the dialog must not wait for, or fail on, the network.
    api.listModels({ refresh: false }).then(
      (list) => live && setReasoning(list.info[model]?.reasoning ?? null),
      (failure: unknown) => console.warn('Could not read what the model supports', failure),
    );
    return () => {
      live = false;
    };
  }, [api, model]);

  const set = <K extends ChatParamKey>(key: K) => (value: ChatParams[K] | undefined) => onChange(withValue(params, key, value));
  const summary = paramsSummary(params);
  const useForNewChats = () =>
    void run(async () => {
      await update({ defaultParams: params });
      return summary ? 'New chats will start with these parameters.' : 'New chats will start with no parameters set.';
    });

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-summary`} onClose={onClose} className="parameters-dialog">
      <div className="modal-header">
        <h2 id={`${id}-title`}>Parameters</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p id={`${id}-summary`} className="hint">
        {summary ? `Sent with each message: ${summary}.` : 'Nothing set: the model’s own defaults apply.'}
      </p>
      <div className="parameters-grid">
        <NumberParamField
          label="Temperature"
          hint="0 to 2. Lower is more focused, higher more varied."
          value={params.temperature}
          rule={PARAM_LIMITS.temperature}
          step={0.1}
          onChange={set('temperature')}
        />
        <NumberParamField label="Top p" hint="0 to 1 (top_p). Samples from the most likely words only." value={params.topP} rule={PARAM_LIMITS.topP} step={0.05} onChange={set('topP')} />
        <NumberParamField
          label="Max tokens"
          hint="1 or more. The longest answer, in tokens."
          value={params.maxTokens}
          rule={{ ...PARAM_LIMITS.maxTokens, integer: true }}
          step={1}
          onChange={set('maxTokens')}
        />
        <NumberParamField
          label="Seed"
          hint="A whole number. The same seed asks for the same answer again."
          value={params.seed}
          rule={{ ...PARAM_LIMITS.seed, integer: true }}
          step={1}
          onChange={set('seed')}
        />
      </div>
      <StopSequencesField value={params.stop} onChange={set('stop')} />
      <ReasoningField value={params.enableThinking} mode={reasoning} onChange={set('enableThinking')} />
      <div className="actions">
        <button type="button" onClick={useForNewChats}>
          Use for new chats
        </button>
      </div>
      <ActionStatus status={status} error={error} />
    </Modal>
  );
}
