import { useState } from 'react';
import type { EndpointView } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { toAppError } from '../../lib/errors';
import { isMissingEndpoint } from './EndpointSelect';

/** `host`, or `host (2)`… when an endpoint already has that name. */
function freeName(host: string, endpoints: readonly EndpointView[]): string {
  const taken = new Set(endpoints.map((endpoint) => endpoint.name.toLowerCase()));
  let name = host;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${host} (${n})`;
  return name;
}

const urlOf = (value: string): URL | null => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
};

/**
 * Shown when the open conversation's endpoint is not set up here (removed, or named by a restored
 * conversation): nothing is sent until the person chooses one in the Endpoint list, or adds it
 * again, here in one click when the conversation names its base URL.
 */
export function EndpointMissing({ endpoints, value, onRecreated }: { endpoints: readonly EndpointView[]; value: string; onRecreated: (endpointId: string) => void }) {
  const api = useParley();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!isMissingEndpoint(endpoints, value)) return null;
  const url = urlOf(value);

  async function recreate(address: URL) {
    setAdding(true);
    setError(null);
    try {
      const added = await api.addEndpoint({ name: freeName(address.host, endpoints), baseURL: value, project: '' });
      onRecreated(added.id);
    } catch (failure) {
      setError(toAppError(failure).message);
    } finally {
      setAdding(false);
    }
  }

  return (
    <div role="alert" className="problem endpoint-missing">
      <p>
        {url ? (
          <>
            This conversation’s endpoint, <code>{value}</code>, is not set up in Parley.
          </>
        ) : (
          'The endpoint this conversation was held with is no longer set up in Parley.'
        )}{' '}
        Nothing is sent until you choose an endpoint for it in the Endpoint list{url ? ' or add this one again' : ''}.
      </p>
      {error && <p className="error-text">{error}</p>}
      {url && (
        <button type="button" disabled={adding} onClick={() => void recreate(url)}>
          {adding ? 'Adding…' : `Add endpoint ${url.host}`}
        </button>
      )}
    </div>
  );
}
