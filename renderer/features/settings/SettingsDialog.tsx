import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { KeyStatus, Settings } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { Modal } from '../../components/Modal';
import { toAppError } from '../../lib/errors';
import { KeyForm } from '../setup/KeyForm';
import { ShortcutsSheet } from '../shortcuts/ShortcutsSheet';
import { EndpointsSection } from '../endpoints/EndpointsSection';
import { ToolsSettings } from '../tools/ToolsSettings';
import { DataFolderSection } from './DataFolderSection';
import { useSettings } from './settingsContext';
import { CheckboxField, SelectField, SettingsSection } from './SettingsFields';

interface SettingsDialogProps {
  keyStatus: KeyStatus;
  onKeyStatus: (status: KeyStatus) => void;
  /** Moving conversations in and out (Import, Export all, Back up, Select), from the workspace. */
  data?: ReactNode;
  onClose: () => void;
  /** Restores one of the history's backups (Data › Restore from backup…). */
  onRestoreBackup: (backupFile: string) => Promise<void>;
}

const THEMES: { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const TEXT_SIZES: { value: Settings['textSize']; label: string }[] = [
  { value: 'small', label: 'Small' },
  { value: 'default', label: 'Default' },
  { value: 'large', label: 'Large' },
  { value: 'larger', label: 'Larger' },
];

export function SettingsDialog({ keyStatus, onKeyStatus, data, onClose, onRestoreBackup }: SettingsDialogProps) {
  const api = useParley();
  const { value: settings, show } = useSettings();
  const id = useId();
  const [draft, setDraft] = useState(settings);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const [replacingKey, setReplacingKey] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const replaceButtonRef = useRef<HTMLButtonElement>(null);

  function edit(patch: Partial<Settings>) {
    setDraft((current) => ({ ...current, ...patch }));
    setStatus('');
  }

  async function run(action: () => Promise<string>) {
    setSaving(true);
    setError(null);
    setStatus('');
    try {
      setStatus(await action());
    } catch (caught) {
      setError(toAppError(caught).message);
    } finally {
      setSaving(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const { baseURL, project, defaultModel, theme, textSize, autoTitle, autoUpdate, remoteImages } = draft;
      show(
        await api.updateSettings({
          baseURL: baseURL.trim(),
          project: project.trim(),
          defaultModel: defaultModel.trim(),
          theme,
          textSize,
          autoTitle,
          autoUpdate,
          remoteImages,
        }),
      );
      return 'Settings saved.';
    });
  }

  function removeKey() {
    void run(async () => {
      // Without a key the app goes back to first run, which closes this dialog.
      onKeyStatus(await api.removeKey());
      return 'Key removed.';
    });
  }

  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose} className="settings-dialog">
      <div className="modal-header">
        <h2 id={`${id}-title`}>Settings</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>

      <form className="stack" onSubmit={onSubmit} noValidate>
        <SettingsSection title="Connection">
          <div className="field">
            <label htmlFor={`${id}-url`}>Base URL</label>
            <input
              id={`${id}-url`}
              type="url"
              spellCheck={false}
              value={draft.baseURL}
              onChange={(event) => edit({ baseURL: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-project`}>Team/project</label>
            <input
              id={`${id}-project`}
              type="text"
              placeholder="team/project"
              spellCheck={false}
              value={draft.project}
              onChange={(event) => edit({ project: event.target.value })}
            />
          </div>
        </SettingsSection>
        <SettingsSection title="New chats">
          <div className="field">
            <label htmlFor={`${id}-model`}>Default model</label>
            <input
              id={`${id}-model`}
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={draft.defaultModel}
              onChange={(event) => edit({ defaultModel: event.target.value })}
            />
            <p className="hint">The model picker remembers your last choice here too.</p>
          </div>
          <p className="hint">New chats start with the prompt marked “Default for new chats” in Prompts, and with the parameters saved by “Use for new chats” in Parameters.</p>
          <CheckboxField
            label="Name conversations automatically"
            hint="After the first answer, the conversation's model suggests a short title."
            checked={draft.autoTitle}
            onChange={(autoTitle) => edit({ autoTitle })}
          />
        </SettingsSection>
        <SettingsSection title="Appearance">
          <SelectField label="Theme" value={draft.theme} options={THEMES} onChange={(theme) => edit({ theme })} />
          <SelectField label="Text size" value={draft.textSize} options={TEXT_SIZES} onChange={(textSize) => edit({ textSize })} />
          <div className="actions start">
            <button type="button" onClick={() => setShortcutsOpen(true)}>
              Keyboard shortcuts
            </button>
          </div>
        </SettingsSection>
        <SettingsSection title="Privacy and updates">
          <CheckboxField
            label="Load remote images automatically"
            hint="Off: an image from another server waits until you choose Load image, because its address can carry your conversation away."
            checked={draft.remoteImages}
            onChange={(remoteImages) => edit({ remoteImages })}
          />
          <CheckboxField
            label="Check for updates automatically"
            hint="Looks for a new release of Parley on GitHub at start and every few hours, and tells you when one is ready."
            checked={draft.autoUpdate}
            onChange={(autoUpdate) => edit({ autoUpdate })}
          />
        </SettingsSection>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            Save settings
          </button>
        </div>
      </form>

      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <p role="status" className="status-text">
        {status}
      </p>

      <section className="key-section">
        <h3>Stored key</h3>
        <p>
          {keyStatus.hint ? `Key ends in ${keyStatus.hint}` : 'A key is stored'}, kept in {keyStatus.backend}.
        </p>
        {!keyStatus.secure && (
          <p className="warning-text">
            This key is stored without an OS keyring: anyone who can read your files can read it.
          </p>
        )}
        <div className="actions">
          <button ref={replaceButtonRef} type="button" onClick={() => setReplacingKey((open) => !open)} aria-expanded={replacingKey}>
            Replace key
          </button>
          <button type="button" className="danger" onClick={removeKey} disabled={saving}>
            Remove key
          </button>
        </div>
        {replacingKey && (
          <KeyForm
            autoFocus
            onSaved={(next) => {
              onKeyStatus(next);
              setReplacingKey(false);
              setStatus('Key saved.');
              // The form (and the focused Save key button) goes away: keep focus in the dialog.
              replaceButtonRef.current?.focus();
            }}
          />
        )}
      </section>

      <EndpointsSection />
      <ToolsSettings />
      {data}
      <DataFolderSection onRestoreBackup={onRestoreBackup} />
      {shortcutsOpen && <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />}
    </Modal>
  );
}
