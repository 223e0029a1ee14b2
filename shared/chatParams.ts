/**
 * Chat parameters a person can set per conversation, and what the page needs to edit them,
 * apart from the contract so the page can use them without bundling zod.
 */

/** Only the keys the person set; an absent key is not sent. A type, not an interface, so it is also a JSON object for history. */
export type ChatParams = {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  stop?: string[];
  /** Sent as `chat_template_kwargs: { enable_thinking }`; absent: the model's default. */
  enableThinking?: boolean;
};

export type ChatParamKey = keyof ChatParams;

/** Valid ranges, shared by the contract's schema and the page's inputs. */
export const PARAM_LIMITS = {
  temperature: { min: 0, max: 2 },
  topP: { min: 0, max: 1 },
  maxTokens: { min: 1, max: Number.MAX_SAFE_INTEGER },
  seed: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  stopSequences: 4,
  stopChars: 500,
} as const;

/** The name each parameter has in the request body, which is also how servers name it in errors. */
export const PARAM_WIRE_NAMES: Record<ChatParamKey, string> = {
  temperature: 'temperature',
  topP: 'top_p',
  maxTokens: 'max_tokens',
  seed: 'seed',
  stop: 'stop',
  enableThinking: 'enable_thinking',
};

/** Other names servers use for the same parameter in their errors. */
const WIRE_ALIASES: Record<string, ChatParamKey> = {
  max_completion_tokens: 'maxTokens',
  chat_template_kwargs: 'enableThinking',
};

/** Which of Parley's parameters a server's error names (`top_p`, `body.seed`, `chat_template_kwargs.enable_thinking`); null when none. */
export function paramKeyOf(serverName: string | undefined): ChatParamKey | null {
  if (!serverName) return null;
  const parts = serverName.split('.');
  for (const part of parts.reverse()) {
    const found = (Object.keys(PARAM_WIRE_NAMES) as ChatParamKey[]).find((key) => PARAM_WIRE_NAMES[key] === part) ?? WIRE_ALIASES[part];
    if (found) return found;
  }
  return null;
}

export function withoutParam(params: ChatParams, key: ChatParamKey): ChatParams {
  return Object.fromEntries(Object.entries(params).filter(([name]) => name !== key)) as ChatParams;
}

/** "temperature 0.7 · seed 42 · reasoning off": what is set, in a line; '' when nothing is. */
export function paramsSummary(params: ChatParams): string {
  const parts: string[] = [];
  if (params.temperature !== undefined) parts.push(`temperature ${params.temperature}`);
  if (params.topP !== undefined) parts.push(`top_p ${params.topP}`);
  if (params.maxTokens !== undefined) parts.push(`max tokens ${params.maxTokens}`);
  if (params.seed !== undefined) parts.push(`seed ${params.seed}`);
  if (params.stop !== undefined && params.stop.length > 0) parts.push(`${params.stop.length} stop ${params.stop.length === 1 ? 'sequence' : 'sequences'}`);
  if (params.enableThinking !== undefined) parts.push(`reasoning ${params.enableThinking ? 'on' : 'off'}`);
  return parts.join(' · ');
}
