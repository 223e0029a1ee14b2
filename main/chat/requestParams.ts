/**
 * The request body fields for a conversation's chat parameters: only the ones the person set,
 * under the names OpenAI-compatible servers read.
 */
import type { ChatParams } from '../../shared/ipc';

/** Fields that go next to `model` and `messages`; vLLM and SGLang read `chat_template_kwargs` to switch reasoning. */
export interface RequestParamFields {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  seed?: number;
  stop?: string[];
  chat_template_kwargs?: { enable_thinking: boolean };
}

export function requestParamFields(params: ChatParams | undefined): RequestParamFields {
  if (!params) return {};
  const fields: RequestParamFields = {};
  if (params.temperature !== undefined) fields.temperature = params.temperature;
  if (params.topP !== undefined) fields.top_p = params.topP;
  if (params.maxTokens !== undefined) fields.max_tokens = params.maxTokens;
  if (params.seed !== undefined) fields.seed = params.seed;
  if (params.stop !== undefined && params.stop.length > 0) fields.stop = params.stop;
  if (params.enableThinking !== undefined) fields.chat_template_kwargs = { enable_thinking: params.enableThinking };
  return fields;
}
