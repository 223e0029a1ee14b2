import type { SettingsPageProps } from './settingsPage';
import { StoredKey } from './StoredKey';
import { TextField } from './SettingsFields';

/** Settings › Connection: where W&B Inference is, the team/project usage is counted in, and the stored key. */
export function ConnectionSettings({ keyStatus, onKeyStatus }: SettingsPageProps) {
  return (
    <>
      <TextField setting="baseURL" label="Base URL" type="url" hint="W&B Inference’s address; change it only for a proxy or a test server." />
      <TextField setting="project" label="Team/project" placeholder="team/project" hint="Optional: the W&B project your usage is counted in." />
      <StoredKey keyStatus={keyStatus} onKeyStatus={onKeyStatus} />
    </>
  );
}
