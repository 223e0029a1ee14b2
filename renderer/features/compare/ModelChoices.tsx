import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import { ModelPicker } from '../models/ModelPicker';
import { MAX_MODELS, MIN_MODELS } from './modelChoices';

interface ModelChoicesProps {
  /** One entry per column; '' until a model is picked for it. */
  models: readonly string[];
  onChange: (models: string[]) => void;
}

/** The models to compare: two to four columns, each a group named by its place with its own picker and Remove; Add model after them. */
export function ModelChoices({ models, onChange }: ModelChoicesProps) {
  const replaceAt = (index: number, model: string) => onChange(models.map((current, at) => (at === index ? model : current)));
  return (
    <div className="compare-models">
      {models.map((model, index) => (
        // Index keys: slots have no identity beyond their place, and a picker keeps no state worth moving.
        <div key={index} role="group" aria-label={`Model ${index + 1}`} className="compare-model">
          <span className="compare-model-place" aria-hidden="true">
            {index + 1}
          </span>
          <ModelPicker value={model} onChange={(picked) => replaceAt(index, picked)} />
          {models.length > MIN_MODELS && (
            <IconButton label={`Remove ${model || `model ${index + 1}`}`} icon={Icons.close} size="sm" onClick={() => onChange(models.filter((_, at) => at !== index))} />
          )}
        </div>
      ))}
      {models.length < MAX_MODELS && (
        <button type="button" className="compare-add" onClick={() => onChange([...models, ''])}>
          <Icons.add aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
          Add model
        </button>
      )}
    </div>
  );
}
