import { useId, useState } from 'react';
import type { KeyStatus } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { useSettings } from '../settings/settingsContext';
import { KeyForm } from './KeyForm';

interface KeySetupProps {
  onKeySaved: (status: KeyStatus) => void;
  /** Go to the history without a key: reading and search work offline and keyless. */
  onSkip: () => void;
}

/** First run: the one thing Parley needs before it can chat. */
export function KeySetup({ onKeySaved, onSkip }: KeySetupProps) {
  const api = useParley();
  const { value: settings, show } = useSettings();
  const id = useId();
  const [project, setProject] = useState(settings.project);

  async function saveProject() {
    const trimmed = project.trim();
    if (trimmed !== settings.project) show(await api.updateSettings({ project: trimmed }));
  }

  return (
    <main className="setup">
      <section className="setup-card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Connect to W&amp;B Inference</h1>
        <p className="muted">
          Parley keeps your key in the system keyring and sends it only to the inference server.
        </p>
        <KeyForm onSaved={onKeySaved} beforeSave={saveProject} autoFocus>
          <div className="field">
            <label htmlFor={`${id}-project`}>Team/project</label>
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
              Optional. Usage is billed to this W&amp;B project.
            </p>
          </div>
        </KeyForm>
        <button type="button" className="link-button" onClick={onSkip}>
          Browse my conversations without a key
        </button>
      </section>
    </main>
  );
}
