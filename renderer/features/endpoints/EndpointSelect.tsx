import { useId } from 'react';
import type { EndpointView } from '../../../shared/ipc';
import { DEFAULT_ENDPOINT_ID } from '../../../shared/endpointIds';

interface EndpointSelectProps {
  endpoints: readonly EndpointView[];
  value: string;
  onChange: (endpointId: string) => void;
}

/**
 * Whether the conversation names an endpoint Parley does not have (a removed one, or one a
 * restored conversation was held with). Such a conversation is never sent elsewhere: main
 * refuses it until the person chooses. Unknown until the endpoints have loaded.
 */
export function isMissingEndpoint(endpoints: readonly EndpointView[], endpointId: string): boolean {
  return endpoints.length > 0 && endpointId !== '' && !endpoints.some((endpoint) => endpoint.id === endpointId);
}

/** Which endpoint the conversation talks to; there when there is a choice to make, or its own is missing. */
export function EndpointSelect({ endpoints, value, onChange }: EndpointSelectProps) {
  const id = useId();
  const missing = isMissingEndpoint(endpoints, value);
  if (endpoints.length < 2 && !missing) return null;
  return (
    <div className="field endpoint-select">
      <label htmlFor={id}>Endpoint</label>
      <select id={id} value={value || DEFAULT_ENDPOINT_ID} aria-invalid={missing || undefined} onChange={(event) => onChange(event.target.value)}>
        {missing && (
          <option value={value} disabled>
            Missing: choose one
          </option>
        )}
        {endpoints.map((endpoint) => (
          <option key={endpoint.id} value={endpoint.id}>
            {endpoint.name}
          </option>
        ))}
      </select>
    </div>
  );
}
