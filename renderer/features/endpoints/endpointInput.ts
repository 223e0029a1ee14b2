import type { EndpointFields } from '../../../shared/ipc';

/** What the endpoint form holds: the fields, and a key typed but not yet stored. */
export interface EndpointDraft extends EndpointFields {
  key: string;
}

export const EMPTY_DRAFT: EndpointDraft = { name: '', baseURL: '', project: '', key: '' };

/** A sentence about what is wrong with the draft, or null; main checks again, this only says it sooner and in plain words. */
export function draftProblem(draft: EndpointDraft): string | null {
  if (draft.name.trim() === '') return 'Enter a name for the endpoint.';
  let protocol = '';
  try {
    protocol = new URL(draft.baseURL.trim()).protocol;
  } catch {
    // Not a URL at all: the same sentence as a wrong scheme.
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    return 'The base URL must be a full http:// or https:// address, for example http://127.0.0.1:11434/v1.';
  }
  return null;
}
