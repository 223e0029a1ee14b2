import { useId } from 'react';
import { Icons, type Icon } from '../../ui/icons';

export type Provider = 'wandb' | 'local';

const PROVIDERS: readonly { id: Provider; title: string; line: string; icon: Icon }[] = [
  { id: 'wandb', title: 'W&B Inference', line: 'Open models hosted by W&B, billed to your account', icon: Icons.wandb },
  { id: 'local', title: 'Use a local server', line: 'Ollama, LM Studio or vLLM on this computer', icon: Icons.localServer },
];

interface ProviderChoiceProps {
  value: Provider;
  onChange: (provider: Provider) => void;
}

/** The two ways to start, as cards that are radios (arrow keys move between them). */
export function ProviderChoice({ value, onChange }: ProviderChoiceProps) {
  const id = useId();
  return (
    <div role="radiogroup" aria-label="Provider" className="provider-choice">
      {PROVIDERS.map(({ id: provider, title, line, icon: ProviderIcon }) => (
        <label key={provider} className="provider-card">
          <input
            type="radio"
            name={`${id}-provider`}
            value={provider}
            checked={value === provider}
            onChange={() => onChange(provider)}
            aria-labelledby={`${id}-${provider}-title`}
            aria-describedby={`${id}-${provider}-line`}
            className="card-radio"
          />
          <ProviderIcon aria-hidden="true" focusable="false" size={20} strokeWidth={1.75} className="provider-icon" />
          <span id={`${id}-${provider}-title`} className="provider-title">{title}</span>
          <span id={`${id}-${provider}-line`} className="provider-line">
            {line}
          </span>
        </label>
      ))}
    </div>
  );
}
