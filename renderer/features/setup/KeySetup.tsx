import { useId, useState } from 'react';
import type { KeyStatus } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { useSettings } from '../settings/settingsContext';
import { chooseDefaultModel } from './defaultModel';
import { KeyForm } from './KeyForm';
import { LocalServerForm } from './LocalServerForm';
import { ProviderChoice, type Provider } from './ProviderChoice';
import './setup.css';

interface KeySetupProps {
  onKeySaved: (status: KeyStatus) => void;
  /** Go to the history without a key: reading and search work offline and keyless. */
  onSkip: () => void;
}

/** Said under the key field when W&B answers 401: the two usual causes, and where to fix each. */
export const KEY_REFUSED =
  'W&B did not accept this key. Copy it again from wandb.ai/authorize; if you belong to several teams, add the team/project below.';

/**
 * First run: the one thing Parley needs before it can chat, a place to send messages. W&B
 * Inference with a key that is checked before it is stored, or a local server that answered
 * a test. Either way a model is chosen, so the first message can be typed at once.
 */
export function KeySetup({ onKeySaved, onSkip }: KeySetupProps) {
  const api = useParley();
  const { value: settings, update } = useSettings();
  const id = useId();
  const [provider, setProvider] = useState<Provider>('wandb');
  const [project, setProject] = useState(settings.project);

  /** Saves the team/project, then asks W&B for its models with the key: nothing is stored for a key W&B refuses. */
  async function checkKey(key: string) {
    const trimmed = project.trim();
    const test = await api.testNewConnection({ key, project: trimmed });
    if (!test.ok) throw new Error(test.error.code === 'auth' ? KEY_REFUSED : test.message);
    const model = chooseDefaultModel(test.models, settings.defaultModel);
    const patch = { ...(trimmed === settings.project ? {} : { project: trimmed }), ...(model === null || model === settings.defaultModel ? {} : { defaultModel: model }) };
    if (Object.keys(patch).length > 0) await update(patch);
  }

  return (
    <main className="setup">
      <div className="setup-column">
        <p className="setup-brand">
          <span className="setup-mark" aria-hidden="true">
            P
          </span>
          Parley
        </p>
        <h1 id={`${id}-title`}>{provider === 'wandb' ? 'Connect to W&B Inference' : 'Use a local server'}</h1>
        <p className="setup-lead">Parley needs one place to send your messages. You can add more later.</p>
        <ProviderChoice value={provider} onChange={setProvider} />
        <section className="setup-card" aria-labelledby={`${id}-title`}>
          {provider === 'wandb' ? (
            <KeyForm onSaved={onKeySaved} beforeSave={checkKey} busyLabel="Checking key…" autoFocus>
              <div className="field">
                {/* "(optional)" stays out of the field's name, which is "Team/project" wherever it is asked for. */}
                <span>
                  <label htmlFor={`${id}-project`}>Team/project</label> <span className="optional">(optional)</span>
                </span>
                <input
                  id={`${id}-project`}
                  type="text"
                  placeholder="team/project"
                  autoComplete="off"
                  spellCheck={false}
                  value={project}
                  onChange={(event) => setProject(event.target.value)}
                  aria-describedby={`${id}-project-hint`}
                />
                <p id={`${id}-project-hint`} className="hint">
                  Usage is billed to this W&amp;B project; without it, to your default entity.
                </p>
              </div>
            </KeyForm>
          ) : (
            <LocalServerForm />
          )}
        </section>
        <button type="button" className="link-button" onClick={onSkip}>
          Browse my conversations without a key
        </button>
      </div>
    </main>
  );
}
