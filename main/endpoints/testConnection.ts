/**
 * "Test connection": GET /models with an endpoint's own settings and key, answered with the
 * models it lists or exactly what failed (refused, DNS, TLS, timeout, the server's own words
 * for 401/403, a server that is not OpenAI-compatible).
 */
import { APIError } from 'openai';
import type { AppError, ConnectionTest } from '../../shared/ipc';
import { hostOf, serverText, toAppError } from '../chat/errors';
import { fetchModelList } from '../chat/modelListProbe';
import type { Endpoint } from '../chat/openaiClient';
import { redactSecrets } from '../logging/redact';

const DEFAULT_TIMEOUT_MS = 15_000;

const failed = (error: AppError): ConnectionTest => ({ ok: false, error, message: error.message });

/** 401/403 with the server's words: a local server and W&B mean different things by them. */
function refusal(error: APIError, status: number): AppError {
  const said = serverText(error);
  const what = status === 401 ? 'The server did not accept the API key (401).' : 'The server refused access (403).';
  const hint = status === 401 ? ' Check the key, and the project header if the server needs one.' : '';
  return { code: status === 401 ? 'auth' : 'forbidden', status, message: `${what}${said ? ` It said: “${said}”` : ''}${hint}` };
}

export async function testConnection(endpoint: Endpoint, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ConnectionTest> {
  const { baseURL, apiKey } = endpoint;
  if (!apiKey && !endpoint.keyOptional) {
    return failed({ code: 'no-key', message: 'No API key is saved for this endpoint. Add one, then test again.' });
  }
  const host = hostOf(baseURL) ?? baseURL;
  try {
    const ids = await fetchModelList(endpoint, timeoutMs);
    if (ids === null) {
      return failed({
        code: 'malformed',
        message: `${host} answered, but not like an OpenAI-compatible server: ${baseURL}/models did not return a model list. Check the base URL (it usually ends in /v1).`,
      });
    }
    const count = `${ids.length} ${ids.length === 1 ? 'model' : 'models'}`;
    return { ok: true, models: ids, message: `Connected: ${count}${ids.length > 0 ? `: ${ids.join(', ')}` : ''}.` };
  } catch (error) {
    if (error instanceof APIError && (error.status === 401 || error.status === 403)) {
      const appError = refusal(error, error.status);
      // A server may echo the key it refused.
      return failed({ ...appError, message: redactSecrets(appError.message, [apiKey]) });
    }
    return failed(toAppError(error, { baseURL, apiKey, timeoutMs }));
  }
}
