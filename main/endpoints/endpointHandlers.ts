/** The endpoint channels: the list, its keys and "Test connection". */
import { DEFAULT_ENDPOINT_ID } from '../../shared/endpointIds';
import type { Channel } from '../../shared/ipc';
import type { Handlers } from '../ipc/router';
import type { EndpointStore, ResolvedEndpoint } from './endpointStore';
import { testConnection } from './testConnection';

type EndpointChannel = Extract<Channel, `endpoints:${string}`>;

export interface EndpointHandlerDeps {
  endpoints: EndpointStore;
  /** Told every key Parley saves, so the log can redact it. */
  remember(secret: string | null): void;
  /** The endpoint with its key, the same lookup chats use. */
  getEndpoint(id: string): Promise<ResolvedEndpoint>;
}

export function createEndpointHandlers({ endpoints, remember, getEndpoint }: EndpointHandlerDeps): Pick<Handlers, EndpointChannel> {
  return {
    'endpoints:list': () => endpoints.list(),
    'endpoints:add': ({ key, allowInsecure, ...fields }) => {
      remember(key?.trim() || null);
      return endpoints.add(fields, key === undefined ? undefined : { key, allowInsecure });
    },
    'endpoints:update': ({ id, patch }) => endpoints.update(id, patch),
    'endpoints:remove': ({ id }) => endpoints.remove(id),
    'endpoints:saveKey': async ({ id, key, allowInsecure }) => {
      remember(key.trim());
      await endpoints.keyVault(id).save(key, allowInsecure);
      return endpoints.view(id);
    },
    'endpoints:removeKey': async ({ id }) => {
      await endpoints.keyVault(id).remove();
      return endpoints.view(id);
    },
    // The id must exist: testing a removed endpoint must not quietly test the default one.
    'endpoints:test': async ({ id }) => {
      await endpoints.view(id);
      return testConnection(await getEndpoint(id));
    },
    'endpoints:testNew': async ({ baseURL, project, key }) => {
      const apiKey = key || null;
      remember(apiKey);
      // No base URL: W&B Inference as configured, which needs a key.
      const endpoint = baseURL === undefined ? { ...(await getEndpoint(DEFAULT_ENDPOINT_ID)), project, apiKey } : { baseURL, project, apiKey, keyOptional: true };
      return testConnection(endpoint);
    },
  };
}
