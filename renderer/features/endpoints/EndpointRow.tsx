import { useId, useState } from 'react';
import type { EndpointView } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { ActionStatus } from '../../components/ActionStatus';
import { toAppError } from '../../lib/errors';

interface EndpointRowProps {
  endpoint: EndpointView;
  onEdit: () => void;
  onRemove: () => void;
}

function keyText({ key, builtIn }: EndpointView): string {
  if (key.hasKey) return key.hint ? `Key ends in ${key.hint}` : 'Key stored';
  // Without a key an added endpoint gets no Authorization header at all; W&B cannot work without one.
  return builtIn ? 'No key' : 'No key: requests go without one';
}

/** One endpoint: where it points, its key (never the key itself), and Test connection with its result. */
export function EndpointRow({ endpoint, onEdit, onRemove }: EndpointRowProps) {
  const api = useParley();
  const id = useId();
  const [result, setResult] = useState<{ status: string; error: string | null }>({ status: '', error: null });
  const [testing, setTesting] = useState(false);

  async function test() {
    if (testing) return;
    setTesting(true);
    setResult({ status: 'Testing the connection…', error: null });
    try {
      const outcome = await api.testEndpoint({ id: endpoint.id });
      setResult(outcome.ok ? { status: outcome.message, error: null } : { status: '', error: outcome.message });
    } catch (error) {
      setResult({ status: '', error: toAppError(error).message });
    } finally {
      setTesting(false);
    }
  }

  return (
    <li className="endpoint-row" aria-labelledby={`${id}-name`}>
      <div className="endpoint-summary">
        <span id={`${id}-name`} className="endpoint-name">
          {endpoint.name}
        </span>
        <code className="endpoint-url">{endpoint.baseURL}</code>
        <span className="hint">
          {keyText(endpoint)}
          {endpoint.project ? ` · project ${endpoint.project}` : ''}
        </span>
        {endpoint.builtIn && <span className="hint">Built in: its base URL and team/project are under Connection, its key under Stored key.</span>}
      </div>
      <div className="actions start">
        <button type="button" aria-label={`Test connection to ${endpoint.name}`} aria-busy={testing} onClick={() => void test()}>
          Test connection
        </button>
        {!endpoint.builtIn && (
          <>
            <button type="button" aria-label={`Edit ${endpoint.name}`} onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="danger" aria-label={`Remove ${endpoint.name}`} onClick={onRemove}>
              Remove
            </button>
          </>
        )}
      </div>
      <ActionStatus status={result.status} error={result.error} />
    </li>
  );
}
