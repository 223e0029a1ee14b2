/**
 * What the chat service needs from the tools side (main/tools implements it): the tools a
 * conversation may use, as OpenAI function tools, and a way to run one. The chat service never
 * starts a server or speaks MCP itself.
 */
import type OpenAI from 'openai';
import type { Attachment } from '../../shared/ipc';

export interface ToolTarget {
  serverId: string;
  serverName: string;
  tool: string;
}

/** A finished call: its text for the model and the person, images stored like attachments. */
export interface ToolOutput {
  text: string;
  images: Attachment[];
  /** The tool reported a failure (MCP `isError`), or the call itself failed. */
  isError: boolean;
}

/** The tools of one answer, prepared once before its first request. */
export interface ToolSet {
  definitions: OpenAI.Chat.ChatCompletionFunctionTool[];
  /** The tool behind a function name the model used; null for a name Parley never offered. */
  resolve(functionName: string): ToolTarget | null;
  /** "Always allow this tool" was chosen for it. */
  isAlwaysAllowed(target: ToolTarget): boolean;
  rememberAlwaysAllowed(target: ToolTarget): void;
  /** Runs the call with the tool timeout; a stop (signal) cancels it. Never throws: failures come back as `isError`. */
  call(target: ToolTarget, args: Record<string, unknown>, signal: AbortSignal): Promise<ToolOutput>;
  /** Servers of the selection that could not start, each with the reason. */
  failedServers: { serverId: string; serverName: string; reason: string }[];
}

export interface ChatTools {
  /** Starts what is not running yet (in parallel) and lists the enabled tools of these servers. */
  prepare(serverIds: readonly string[], signal: AbortSignal): Promise<ToolSet>;
  /** False: the endpoint's catalogue says the model has no tool calling, or it refused `tools` earlier in this run. Null: unknown. */
  supportsTools(endpointId: string | undefined, model: string): Promise<boolean | null>;
  /** The server answered 400/422 to a request with `tools` and accepted it without: remembered for this run. */
  markRefused(endpointId: string | undefined, model: string): void;
}
