/** The endpoints table: the OpenAI-compatible servers Parley talks to, and their keys. */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { call, emptySchema, returns } from './call';
import { changed } from './changes';
import type { AppError } from './errors';
import { endpointIdSchema, httpUrl } from './fields';
import { saveKeySchema, type KeyStatus } from './keys';

/** An OpenAI-compatible server Parley can talk to, as the page sees it: never its key. */
export interface EndpointView {
  id: string;
  name: string;
  baseURL: string;
  /** Sent as the OpenAI-Project header (W&B's `team/project`); empty for none. */
  project: string;
  /** The W&B Inference endpoint: always there, cannot be removed. */
  builtIn: boolean;
  key: KeyStatus;
}

export type EndpointFields = Pick<EndpointView, 'name' | 'baseURL' | 'project'>;

/** "Test connection": the models the endpoint lists, or what failed. */
export type ConnectionTest = { ok: true; models: string[]; message: string } | { ok: false; error: AppError; message: string };

const endpointFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'the name is empty').max(LIMITS.endpointNameChars),
    baseURL: httpUrl,
    project: z.string().trim().max(LIMITS.projectChars),
  })
  .strict();
export const addEndpointSchema = endpointFieldsSchema
  .extend({ key: z.string().trim().max(LIMITS.keyChars).optional(), allowInsecure: z.boolean().optional() })
  .strict();
export const updateEndpointSchema = z.object({ id: endpointIdSchema, patch: endpointFieldsSchema.partial().strict() }).strict();
export const endpointIdRequestSchema = z.object({ id: endpointIdSchema }).strict();
export const saveEndpointKeySchema = saveKeySchema.extend({ id: endpointIdSchema }).strict();
/**
 * A connection not saved yet (first run): without `baseURL`, W&B Inference at the configured base
 * URL, whose key is required; with one, a local server, which may take no key.
 */
export const testNewConnectionSchema = z
  .object({
    baseURL: httpUrl.optional(),
    project: z.string().trim().max(LIMITS.projectChars),
    key: z.string().trim().max(LIMITS.keyChars).optional(),
  })
  .strict();

const endpointsChanged = () => [changed('endpoints')];
/** The built-in endpoint keeps its base URL and team/project in the settings; new chats may use the removed one. */
const endpointsAndSettingsChanged = () => [changed('endpoints'), changed('settings')];

export const endpointCalls = {
  listEndpoints: call({ channel: 'endpoints:list', request: emptySchema, response: returns<EndpointView[]>() }),
  /** Adds an endpoint, with its key when one is given (encrypted like the W&B key). */
  addEndpoint: call({ channel: 'endpoints:add', request: addEndpointSchema, response: returns<EndpointView>(), changes: endpointsChanged }),
  updateEndpoint: call({ channel: 'endpoints:update', request: updateEndpointSchema, response: returns<EndpointView>(), changes: endpointsAndSettingsChanged }),
  /** Removes an added endpoint and its key; its conversations go on with the default endpoint. */
  removeEndpoint: call({
    channel: 'endpoints:remove',
    request: endpointIdRequestSchema,
    response: returns<{ removed: boolean }>(),
    changes: endpointsAndSettingsChanged,
  }),
  saveEndpointKey: call({ channel: 'endpoints:saveKey', request: saveEndpointKeySchema, response: returns<EndpointView>(), changes: endpointsChanged }),
  removeEndpointKey: call({ channel: 'endpoints:removeKey', request: endpointIdRequestSchema, response: returns<EndpointView>(), changes: endpointsChanged }),
  /** GET /models with the endpoint's settings and key. */
  testEndpoint: call({ channel: 'endpoints:test', request: endpointIdRequestSchema, response: returns<ConnectionTest>() }),
  /** GET /models with settings and a key that are not saved: first run checks them before storing anything. */
  testNewConnection: call({ channel: 'endpoints:testNew', request: testNewConnectionSchema, response: returns<ConnectionTest>() }),
};
