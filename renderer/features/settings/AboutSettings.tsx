import { CheckboxField, SettingsSection } from './SettingsFields';

/** Settings › About: what Parley is, updates, and where its logs are. */
export function AboutSettings() {
  return (
    <>
      <p>Parley, a desktop chat client for W&B Inference and any OpenAI-compatible server.</p>
      <CheckboxField
        setting="autoUpdate"
        label="Check for updates automatically"
        hint="Looks for a new release of Parley on GitHub at start and every few hours, and tells you when one is ready."
      />
      <SettingsSection title="Logs">
        <p className="hint">Parley writes its log, with keys redacted, to the logs folder inside the data folder (Settings › Data).</p>
      </SettingsSection>
    </>
  );
}
