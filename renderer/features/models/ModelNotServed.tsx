import { ModelChoices } from './ModelGone';
import './models.css';

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
