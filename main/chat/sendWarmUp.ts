import { chatRequestSchema } from '../../shared/ipc';
import { createOpenAIClient } from './openaiClient';
import { systemPromptForSend } from './systemPrompt';

/** After start, once the window has had its first calls answered: nothing a person waits for runs then. */
export const WARM_UP_DELAY_MS = 1_500;

/** A request in the shape the page sends, parsed once so the schema's first use is not a person's. */
export const WARM_UP_REQUEST = {
  model: 'warm-up',
  systemPrompt: 'Today is {{date}}.',
  messages: [{ role: 'user', content: 'Warm up.' }],
  params: { temperature: 0.7 },
};

/**
 * Runs, once, what a process does for the first time on its first send only: ICU's time zone data
 * (the system prompt's date, about 12 ms), the request schema's first parse and the OpenAI SDK's
 * first client. The first question after start waited on all of it on its way to the request
 * (main's part: 25-74 ms for the first send, 7-10 ms from the third on). Nothing is sent.
 */
export function warmUpSendPath(): void {
  try {
    systemPromptForSend(WARM_UP_REQUEST.systemPrompt, WARM_UP_REQUEST.model, Date.now());
    chatRequestSchema.safeParse(WARM_UP_REQUEST);
    createOpenAIClient({ baseURL: 'http://127.0.0.1/v1', apiKey: null, project: '', keyOptional: true }, { timeoutMs: 1_000 });
  } catch (error) {
    // Only a head start: the first send does the same work itself, and says what fails there.
    console.warn('[parley] warming up the send path failed:', error instanceof Error ? error.message : error);
  }
}
