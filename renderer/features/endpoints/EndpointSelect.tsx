import { useId } from 'react';
import type { EndpointView } from '../../../shared/ipc';
import { DEFAULT_ENDPOINT_ID } from '../../../shared/endpointIds';

interface EndpointSelectProps {
  endpoints: readonly EndpointView[];
  value: string;
  onChange: (endpointId: string) => void;
}

/** The id a conversation actually uses: one Parley no longer knows (a removed endpoint) means the default. */
export function effectiveEndpointId(endpoints: readonly EndpointView[], endpointId: string): string {
  return endpoints.some((endpoint) => endpoint.id === endpointId) ? endpointId : DEFAULT_ENDPOINT_ID;
}

/** Which endpoint the conversation talks to; only there when there is a choice to make. */
export function EndpointSelect({ endpoints, value, onChange }: EndpointSelectProps) {
  const id = useId();
  if (endpoints.length < 2) return null;
  return (
    <div className="field endpoint-select">
      <label htmlFor={id}>Endpoint</label>
      <select id={id} value={effectiveEndpointId(endpoints, value)} onChange={(event) => onChange(event.target.value)}>
        {endpoints.map((endpoint) => (
          <option key={endpoint.id} value={endpoint.id}>
            {endpoint.name}
          </option>
        ))}
      </select>
    </div>
  );
}
