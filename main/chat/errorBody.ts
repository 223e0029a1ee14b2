/**
 * Error bodies in the OpenAI shape. FastAPI-based servers (vLLM's validation, many proxies) answer
 * 400/422 with `{"detail": …}` instead of `{"error": {message, param}}`; the SDK reads only `error`,
 * so such a body would reach the user as "status code (no body)". This rewrites it first.
 */

interface OpenAIErrorBody {
  error: { message: string; param?: string };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One FastAPI validation item: `{ loc: ["body", "seed"], msg: "…" }`. */
function fromItem(item: unknown): { message: string; param?: string } | null {
  if (typeof item === 'string') return { message: item };
  if (!isRecord(item)) return null;
  const message = typeof item.msg === 'string' ? item.msg : typeof item.message === 'string' ? item.message : null;
  if (message === null) return null;
  const loc = Array.isArray(item.loc) ? item.loc.filter((part): part is string => typeof part === 'string' && part !== 'body') : [];
  const param = typeof item.param === 'string' ? item.param : loc.join('.');
  return param ? { message, param } : { message };
}

/** The OpenAI-shaped body for a `detail` body; null when the body is not one (left as it is). */
export function openAIErrorBody(body: unknown): OpenAIErrorBody | null {
  if (!isRecord(body) || 'error' in body || !('detail' in body)) return null;
  const items = (Array.isArray(body.detail) ? body.detail : [body.detail]).map(fromItem).filter((item) => item !== null);
  const first = items[0];
  if (!first) return null;
  const message = items.map((item) => (item.param && item !== first ? `${item.param}: ${item.message}` : item.message)).join('; ');
  return { error: first.param ? { message, param: first.param } : { message } };
}

/** A fetch whose failed JSON responses carry OpenAI-shaped bodies. */
export function withOpenAIErrorBodies(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.ok || !response.headers.get('content-type')?.includes('json')) return response;
    const text = await response.text();
    let rewritten: OpenAIErrorBody | null = null;
    try {
      rewritten = openAIErrorBody(JSON.parse(text));
    } catch {
      // Not JSON after all: the SDK reports the text as it is.
    }
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(rewritten ? JSON.stringify(rewritten) : text, { status: response.status, statusText: response.statusText, headers });
  };
}
