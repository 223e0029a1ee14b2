import type { ModelList } from '../../../shared/ipc';
import { ModelChoices } from './ModelGone';
import './models.css';

/**
 * The model a conversation cannot go on with: the one its last turn was answered with, which the
 * endpoint's list does not have (a ChatGPT model after an import, or one removed since). Null
 * while the list is not known, for a new chat, and for a model the person chose since: some
 * endpoints serve models they do not list, so a choice is sent and the server decides.
 */
export function unservedModel(model: string, lastUsedModel: string | null, list: ModelList | null): string | null {
  if (model === '' || model !== lastUsedModel || !list || list.models.length === 0) return null;
  return list.models.includes(model) ? null : model;
}

/** Above the composer, before anything is sent: which model to continue with. */
export function ModelNotServed({ model }: { model: string }) {
  return (
    <section className="model-not-served" aria-label="Choose a model to continue">
      <p>
        This conversation used <strong>{model}</strong>, which this endpoint does not serve. Choose a model to continue with.
      </p>
      <div className="actions">
        <ModelChoices model={model} />
      </div>
    </section>
  );
}
