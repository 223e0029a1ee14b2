import type { Settings } from '../../../shared/ipc';
import { CheckboxField, SelectField } from './SettingsFields';

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

/** Settings › Appearance: theme and text size (both preview at once), remote images and automatic titles. */
export function AppearanceSettings() {
  return (
    <>
      <SelectField setting="theme" label="Theme" options={THEMES} />
      <SelectField setting="textSize" label="Text size" options={TEXT_SIZES} />
      <CheckboxField
        setting="remoteImages"
        label="Load remote images automatically"
        hint="Off: an image from another server waits until you choose Load image, because its address can carry your conversation away."
      />
      <CheckboxField setting="autoTitle" label="Name conversations automatically" hint="After the first answer, the conversation's model suggests a short title." />
    </>
  );
}
