import { useId, useState } from 'react';
import { Modal } from '../../components/Modal';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import type { SettingsPageProps } from './settingsPage';
import { SETTINGS_SECTIONS } from './settingsSections';
import './settings.css';

interface SettingsDialogProps extends SettingsPageProps {
  onClose: () => void;
}

/**
 * Settings: a section list and the chosen section's page. Nothing here waits for a Save button;
 * each row applies as it changes (SettingsFields). It opens on Connection, the section a new
 * person most often needs.
 */
export function SettingsDialog({ onClose, ...pageProps }: SettingsDialogProps) {
  const id = useId();
  const [shownId, setShownId] = useState(SETTINGS_SECTIONS[0]?.id);
  const shown = SETTINGS_SECTIONS.find((section) => section.id === shownId) ?? SETTINGS_SECTIONS[0];

  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose} className="settings-dialog">
      <div className="settings-head">
        <h2 id={`${id}-title`}>Settings</h2>
        <IconButton label="Close" icon={Icons.close} placement="below" onClick={onClose} />
      </div>
      <div className="settings-body">
        <nav className="settings-nav" aria-label="Settings sections">
          <ul>
            {SETTINGS_SECTIONS.map(({ id: sectionId, name, icon: SectionIcon }) => (
              <li key={sectionId}>
                <button
                  type="button"
                  aria-current={sectionId === shown?.id ? 'page' : undefined}
                  // Focus starts on the section shown (not on Close, whose tooltip would cover the head).
                  data-autofocus={sectionId === shown?.id ? true : undefined}
                  onClick={() => setShownId(sectionId)}
                >
                  <SectionIcon aria-hidden="true" focusable="false" size={18} strokeWidth={1.75} />
                  <span>{name}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {shown && (
          // Keyed by section: a new page starts at its top. A tab stop, so a page with nothing
          // to focus (Shortcuts) still scrolls from the keyboard.
          <div key={shown.id} className="settings-page" role="region" aria-labelledby={`${id}-page-title`} tabIndex={0}>
            <h3 id={`${id}-page-title`}>{shown.name}</h3>
            <shown.Page {...pageProps} />
          </div>
        )}
      </div>
    </Modal>
  );
}
