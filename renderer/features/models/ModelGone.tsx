import { useContext, useEffect } from 'react';
import { bestAlternative } from './bestAlternative';
import { ModelsContext } from './modelsContext';

interface ModelGoneProps {
  /** The model that answered 404. */
  model: string;
  /** When the failed answer was made: a list fetched before it may still name the model. */
  failedAt: number;
}

/**
 * Under an answer that failed with 404: the list is refreshed (once, if it predates the failure),
 * then one click switches the conversation to the closest model still listed, or opens the
 * picker. The conversation stays as it is; Retry sends the question again to the new model.
 */
export function ModelGone({ model, failedAt }: ModelGoneProps) {
  const models = useContext(ModelsContext);
  const fetchedAt = models?.list?.fetchedAt ?? null;
  const refresh = models?.refresh;
  const stale = fetchedAt === null || fetchedAt < failedAt;
  useEffect(() => {
    if (stale) void refresh?.();
  }, [stale, refresh]);
  if (!models) return null;
  return (
    <>
      {models.refreshing && <p className="message-status">Checking which models are available…</p>}
      <ModelChoices model={model} />
    </>
  );
}

/** One click to the closest model the list has, or the picker to choose. */
export function ModelChoices({ model }: { model: string }) {
  const models = useContext(ModelsContext);
  if (!models) return null;
  const listed = models.list?.models ?? [];
  const alternative = models.refreshing ? null : bestAlternative(model, listed, [...models.favourites, ...models.recents]);
  return (
    <>
      {alternative && (
        <button type="button" onClick={() => models.choose(alternative)}>
          Switch to {alternative}
        </button>
      )}
      <button type="button" onClick={models.openPicker}>
        Choose another model
      </button>
    </>
  );
}
