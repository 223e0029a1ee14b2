import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeyStatus, PromptLibrary, Settings } from '../../shared/ipc';
import { PromptLibraryContext } from '../features/prompts/promptLibraryContext';
import { SettingsDialog } from '../features/settings/lazy';
import { SettingsContext } from '../features/settings/settingsContext';
import { useSettingsState } from '../features/settings/useSettingsState';
import { KeySetup } from '../features/setup/lazy';
import { needsSetup } from '../features/setup/needsSetup';
import { toAppError } from '../lib/errors';
import { NoticeBanner } from '../components/NoticeBanner';
import { RestoreBackupDialog } from '../features/history/lazy';
import { useNotices } from '../features/notices/useNotices';
import { backupOutcome } from '../features/transfer/backupOutcome';
import { ParleyContext, useParley } from '../lib/ParleyContext';
import { watchStorage } from '../lib/storageWatch';
import { useChanges } from '../lib/useChanges';
import { UpdateNotice } from '../features/notices/lazy';
import './notices.css';
import { Workspace } from './Workspace';

interface Loaded {
  keyStatus: KeyStatus;
  settings: Settings;
  prompts: PromptLibrary;
}

/** Loads what the window needs, then shows first run (no key) or the history and chat. */
export function App() {
  const unwatched = useParley();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { notices, refresh: refreshNotices, dismiss: dismissNotice } = useNotices(unwatched, attempt);
  // Everything below hears about a full disk or a damaged history through the notices main posts.
  const api = useMemo(() => watchStorage(unwatched, refreshNotices), [unwatched, refreshNotices]);
  const [choosingBackup, setChoosingBackup] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [skippedSetup, setSkippedSetup] = useState(false);

  useEffect(() => {
    let live = true;
    // The prompt library too: the first new chat starts with its default prompt.
    Promise.all([api.keyStatus(), api.getSettings(), api.listPrompts()]).then(
      ([keyStatus, settings, prompts]) => live && setLoaded({ keyStatus, settings, prompts }),
      (error: unknown) => live && setLoadError(toAppError(error).message),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  const showSettings = useCallback((settings: Settings) => setLoaded((current) => current && { ...current, settings }), []);
  const { state: settingsState, reread: rereadSettings } = useSettingsState(api, loaded?.settings, showSettings);
  const theme = settingsState?.value.theme ?? 'system';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  // The root font size (styles.css): everything sized in rem follows it.
  const textSize = settingsState?.value.textSize ?? 'default';
  useEffect(() => {
    document.documentElement.dataset.textSize = textSize;
  }, [textSize]);

  const showPrompts = useCallback((prompts: PromptLibrary) => setLoaded((current) => current && { ...current, prompts }), []);
  // Whoever changed them (Settings, the model picker, an endpoint removed, a backup imported), main says so.
  useChanges(api, ['settings', 'prompts'], ({ topic }) => {
    const read = topic === 'settings' ? rereadSettings() : api.listPrompts().then(showPrompts);
    read.catch((error: unknown) => console.warn(`Could not read the ${topic} again`, error));
  });
  const prompts = loaded?.prompts;
  const promptsState = useMemo(() => (prompts ? { value: prompts, show: showPrompts } : null), [prompts, showPrompts]);

  const onKeyStatus = useCallback((keyStatus: KeyStatus) => {
    setLoaded((current) => current && { ...current, keyStatus });
    if (!keyStatus.hasKey) {
      setSettingsOpen(false);
      setSkippedSetup(false);
    }
  }, []);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const closeSettings = useCallback(() => setSettingsOpen(false), []);
  // The workspace hears of the replaced history from main.
  const restoreBackup = useCallback(
    async (backupFile: string) => {
      await api.restoreHistoryBackup({ backupFile });
      // Main has withdrawn its offers to restore.
      refreshNotices();
    },
    [api, refreshNotices],
  );

  let screen;
  if (loadError !== null) {
    screen = (
      <main className="center-screen">
        <div role="alert" className="stack">
          <h1>Parley could not start</h1>
          <p>{loadError}</p>
        </div>
        <button
          type="button"
          onClick={() => {
            setLoadError(null);
            setAttempt((count) => count + 1);
          }}
        >
          Try again
        </button>
      </main>
    );
  } else if (!loaded) {
    screen = (
      <main className="center-screen">
        <p role="status">Loading…</p>
      </main>
    );
  } else if (needsSetup(loaded.keyStatus, loaded.settings) && !skippedSetup) {
    screen = <KeySetup onKeySaved={onKeyStatus} onSkip={() => setSkippedSetup(true)} />;
  } else {
    screen = (
      <Workspace
        onOpenSettings={openSettings}
        onCloseSettings={closeSettings}
        settingsDialog={(data) =>
          settingsOpen && (
            <SettingsDialog keyStatus={loaded.keyStatus} onKeyStatus={onKeyStatus} dataActions={data} onClose={closeSettings} onRestoreBackup={restoreBackup} />
          )
        }
      />
    );
  }

  return (
    <ParleyContext value={api}>
      <SettingsContext value={settingsState}>
        <PromptLibraryContext value={promptsState}>
          <div className="app">
            <div className="app-notices">
              {notices.map((notice) => (
                <NoticeBanner
                  key={notice.id}
                  notice={notice}
                  onRestoreBackup={restoreBackup}
                  onChooseBackup={() => setChoosingBackup(true)}
                  onBackUp={async () => backupOutcome(await api.backUp())}
                  onDismiss={() => dismissNotice(notice.id)}
                />
              ))}
              <UpdateNotice />
            </div>
            {screen}
            {choosingBackup && <RestoreBackupDialog onClose={() => setChoosingBackup(false)} onRestore={restoreBackup} />}
          </div>
        </PromptLibraryContext>
      </SettingsContext>
    </ParleyContext>
  );
}
