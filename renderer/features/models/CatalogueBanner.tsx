import type { EndpointView } from '../../../shared/ipc';
import { Callout } from '../../ui/Callout';
import { Icons } from '../../ui/icons';
import { catalogueProblem } from './catalogueProblem';
import { useModels } from './modelsContext';

interface CatalogueBannerProps {
  /** The open conversation's endpoint. */
  endpoint: EndpointView | undefined;
  onOpenSettings: () => void;
}

/**
 * The app-level banner above the thread: a problem with the endpoint as a whole (no key, a key
 * refused, no model list), with one action. Not an alert: it describes a state, and the answer
 * that fails because of it says so itself.
 */
export function CatalogueBanner({ endpoint, onOpenSettings }: CatalogueBannerProps) {
  const { list, loadError, refreshing, refresh } = useModels();
  const problem = catalogueProblem(list, loadError, endpoint);
  if (!problem) return null;
  const aboutKey = problem.kind === 'no-key' || problem.kind === 'key-refused';
  const action = aboutKey ? (
    <button type="button" onClick={onOpenSettings}>
      {problem.kind === 'no-key' ? 'Add a key' : 'Replace key'}
    </button>
  ) : (
    <button type="button" onClick={() => void refresh()} aria-busy={refreshing} disabled={refreshing}>
      Refresh models
    </button>
  );
  return (
    <div className="catalogue-banner">
      <Callout role="status" tone="warning" icon={aboutKey ? Icons.warning : Icons.offline} title={problem.title} actions={action}>
        {problem.text}
      </Callout>
    </div>
  );
}
