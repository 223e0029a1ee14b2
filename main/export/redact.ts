/**
 * Defence in depth for everything written to a file: nothing in the data should be a secret,
 * but a field or URL that looks like one is dropped rather than trusted.
 */
import type { JsonValue, ModelParams } from './types';

/** `apiKey`, `api_key`, `access_token`, `client_secret`, `password`, `Authorization`… but not `max_tokens`. */
export function isSecretName(name: string): boolean {
  const folded = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return /(?:key|token|secret|passw(?:or)?d|authorization|credentials?|bearer|cookie)$/.test(folded) || /apikey|secret/.test(folded);
}

function clean(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') return withoutSecrets(value);
  return value;
}

/** A copy without secret-named keys, at any depth (`extra_headers.Authorization` too). */
export function withoutSecrets(params: ModelParams): ModelParams {
  // fromEntries defines keys, so even a `__proto__` key stays data.
  return Object.fromEntries(Object.entries(params).flatMap(([name, value]) => (isSecretName(name) ? [] : [[name, clean(value)]])));
}

/**
 * The URL without user:password and without secret-named query parameters. Left byte for byte
 * as it was when there is nothing to remove, so a round trip keeps it; '' when it is not a URL.
 */
export function redactUrl(url: string): string {
  if (url === '') return '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  const secretParams = [...parsed.searchParams.keys()].filter(isSecretName);
  if (parsed.username === '' && parsed.password === '' && secretParams.length === 0) return url;
  parsed.username = '';
  parsed.password = '';
  for (const name of secretParams) parsed.searchParams.delete(name);
  return parsed.href;
}
