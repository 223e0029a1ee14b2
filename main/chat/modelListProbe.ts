/**
 * `GET /models` as a probe of the endpoint itself: an OpenAI-compatible server answers it with a
 * list of models, whatever else it refuses. Shared by "Test connection" and by the chat service,
 * which uses it to tell an unknown model from a base URL that is not such a server at all.
 */
import { z } from 'zod';
import { createOpenAIClient, type Endpoint } from './openaiClient';

const modelListSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

/** The model ids of an OpenAI-style list, or null when the body is something else (an HTML page, another API). */
export function modelIds(body: string): string[] | null {
  try {
    const parsed = modelListSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.data.map((model) => model.id) : null;
  } catch {
    return null;
  }
}

/** The raw `/models` answer (so a 200 with something else is told apart from an empty catalogue); throws as the SDK does. */
export async function fetchModelList(endpoint: Endpoint, timeoutMs: number): Promise<string[] | null> {
  const response = await createOpenAIClient(endpoint, { timeoutMs }).models.list().asResponse();
  return modelIds(await response.text());
}

/** Whether the endpoint lists models at all; false for any failure. */
export async function listsModels(endpoint: Endpoint, timeoutMs: number): Promise<boolean> {
  try {
    return (await fetchModelList(endpoint, timeoutMs)) !== null;
  } catch {
    return false;
  }
}
