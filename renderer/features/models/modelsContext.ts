import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LIMITS } from '../../../shared/limits';
import type { ModelInfo, ModelList, Settings } from '../../../shared/ipc';
import { useSettings } from '../settings/settingsContext';
import type { ModelCatalogue } from './modelCatalogue';
import { toggledIn, withMostRecent } from './pickerSections';

/** Everything about models the chat screen shares: the list, the user's favourites and recents, and choosing one. */
export interface Models extends ModelCatalogue {
  favourites: readonly string[];
  recents: readonly string[];
  toggleFavourite(model: string): void;
  /** Notes that a chat used `model` (the picker's "Recently used"). */
  markUsed(model: string): void;
  /** Makes `model` the open conversation's model. */
  choose(model: string): void;
  /** Opens the picker, as "Choose another model" does; the picker watches the count. */
  openPicker(): void;
  pickerRequests: number;
}

export const ModelsContext = createContext<Models | null>(null);
/** The listed models' details alone, so answers re-render when the list changes, not when a favourite does. */
export const ModelInfoContext = createContext<ModelList['info'] | null>(null);

/**
 * The value Workspace provides, less `choose` and the catalogue (both need the chat, which needs
 * `markUsed`). Favourites and recents live in settings, so they survive a restart.
 */
export function useModelsState(): Omit<Models, 'choose' | keyof ModelCatalogue> {
  const { value: settings, update } = useSettings();
  const [pickerRequests, setPickerRequests] = useState(0);
  const openPicker = useCallback(() => setPickerRequests((count) => count + 1), []);
  // Read at call time, so a quick second change builds on the first.
  const saved = useRef(settings);
  useLayoutEffect(() => {
    saved.current = settings;
  }, [settings]);

  const save = useCallback(
    (patch: Pick<Settings, 'favouriteModels'> | Pick<Settings, 'recentModels'>, failure: string) => {
      saved.current = { ...saved.current, ...patch };
      update(patch, { preview: true }).catch((error: unknown) => console.warn(failure, error));
    },
    [update],
  );
  const toggleFavourite = useCallback(
    (model: string) => save({ favouriteModels: toggledIn(saved.current.favouriteModels, model) }, 'Could not save the favourite models'),
    [save],
  );
  const markUsed = useCallback(
    (model: string) => {
      if (model === '' || saved.current.recentModels[0] === model) return;
      save({ recentModels: withMostRecent(saved.current.recentModels, model, LIMITS.recentModels) }, 'Could not remember the recent model');
    },
    [save],
  );

  const { favouriteModels: favourites, recentModels: recents } = settings;
  return useMemo(
    () => ({ favourites, recents, toggleFavourite, markUsed, openPicker, pickerRequests }),
    [favourites, recents, toggleFavourite, markUsed, openPicker, pickerRequests],
  );
}

export function useModels(): Models {
  const models = useContext(ModelsContext);
  if (!models) throw new Error('useModels needs a <ModelsContext> above it');
  return models;
}

const NOTHING_KNOWN: ModelList['info'] = {};

/** What is known of every listed model; empty outside the chat screen (isolated component tests). */
export function useModelInfoMap(): ModelList['info'] {
  return useContext(ModelInfoContext) ?? NOTHING_KNOWN;
}

/** What is known of one model; undefined when nothing is. */
export function useModelInfo(model: string): ModelInfo | undefined {
  return useModelInfoMap()[model];
}
