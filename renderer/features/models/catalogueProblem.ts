/**
 * What is wrong with the open conversation's endpoint as a whole, not with one answer: no key,
 * a key W&B refuses, a model list that cannot be fetched or lists nothing. The window shows it
 * as one banner above the thread, with the one action that helps (docs/design-system.md, "Errors").
 */
import type { AppError, EndpointView, ModelList } from '../../../shared/ipc';
import { formatTime } from '../../lib/format';

export interface CatalogueProblem {
  /** Which action helps: the key's (Settings) for the first two, Refresh models for the others. */
  kind: 'no-key' | 'key-refused' | 'offline' | 'no-models';
  title: string;
  text: string;
}

export function catalogueProblem(list: ModelList | null, loadError: AppError | null, endpoint: EndpointView | undefined): CatalogueProblem | null {
  const error = loadError ?? list?.error ?? null;
  if (error?.code === 'no-key' || (endpoint?.builtIn && !endpoint.key.hasKey)) {
    return { kind: 'no-key', title: 'No API key is stored', text: 'Parley needs a W&B API key to list models and get answers.' };
  }
  if (error?.code === 'auth') {
    return { kind: 'key-refused', title: `${endpoint?.name ?? 'The server'} did not accept the API key`, text: 'It may have been revoked, or the team/project may be wrong.' };
  }
  if (loadError) return { kind: 'offline', title: 'The model list could not be loaded', text: loadError.message };
  if (list?.error) {
    const when = list.fetchedAt === null ? 'earlier' : formatTime(list.fetchedAt);
    return { kind: 'offline', title: 'The model list is offline', text: `Showing the models cached ${when}. ${list.error.message}` };
  }
  if (list && list.models.length === 0) {
    return { kind: 'no-models', title: `${endpoint?.name ?? 'This server'} lists no models`, text: 'Type a model id you know in the Model box, or ask again.' };
  }
  return null;
}
