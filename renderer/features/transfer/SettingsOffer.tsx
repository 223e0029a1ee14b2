import { useId, useState } from 'react';
import type { ImportReport, Settings, SettingsPatch } from '../../../shared/ipc';
import { toAppError } from '../../lib/errors';
import { useSettings } from '../settings/settingsContext';

type Offer = NonNullable<ImportReport['settings']>;

const onOff = (value: boolean): string => (value ? 'on' : 'off');
const list = (values: readonly string[]): string => (values.length === 0 ? 'none' : values.join(', '));

/** Each setting as a person reads it; a Record, so a new setting cannot be offered without a label. */
const DESCRIBE: { [K in keyof Settings]: (value: Settings[K]) => string } = {
  baseURL: (value) => `W&B Inference base URL: ${value}`,
  project: (value) => `Team/project: ${value || 'none'}`,
  defaultModel: (value) => `Default model: ${value || 'none'}`,
  defaultSystemPrompt: (value) => `Default system prompt: ${value ? `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”` : 'none'}`,
  theme: (value) => `Theme: ${value}`,
  textSize: (value) => `Text size: ${value}`,
  autoTitle: (value) => `Name conversations automatically: ${onOff(value)}`,
  autoUpdate: (value) => `Check for updates automatically: ${onOff(value)}`,
  remoteImages: (value) => `Load remote images automatically: ${onOff(value)}`,
  favouriteModels: (value) => `Favourite models: ${list(value)}`,
  recentModels: (value) => `Recently used models: ${list(value)}`,
  defaultParams: (value) => `Parameters for new chats: ${list(Object.entries(value).map(([name, setting]) => `${name} ${JSON.stringify(setting)}`))}`,
  defaultEndpointId: () => 'Endpoint for new chats',
  sidebarOpen: (value) => `Sidebar: ${value ? 'shown' : 'hidden'}`,
};

function describe(settings: SettingsPatch): string[] {
  return (Object.keys(settings) as (keyof Settings)[]).map((key) => (DESCRIBE[key] as (value: unknown) => string)(settings[key]));
}

/** A backup's settings, shown and restored only if the person asks (keys are never in a backup). */
export function SettingsOffer({ offer }: { offer: Offer }) {
  const { update } = useSettings();
  const id = useId();
  const [state, setState] = useState<'offered' | 'restoring' | 'restored'>('offered');
  const [error, setError] = useState<string | null>(null);

  async function restore() {
    setState('restoring');
    setError(null);
    try {
      await update(offer.settings);
      setState('restored');
    } catch (failure) {
      setError(toAppError(failure).message);
      setState('offered');
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="report-section settings-offer">
      <h3 id={`${id}-title`}>Settings in {offer.source}</h3>
      <p>They were not applied. Restore them to use them here; keys are never in a backup.</p>
      <ul className="report-list">
        {describe(offer.settings).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="actions start">
        <button type="button" disabled={state !== 'offered'} onClick={() => void restore()}>
          {state === 'restoring' ? 'Restoring settings…' : 'Restore these settings'}
        </button>
      </div>
      <p role="status" className="status-text">
        {state === 'restored' ? 'Settings restored.' : ''}
      </p>
    </section>
  );
}
