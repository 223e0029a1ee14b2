import { paramsSummary } from '../../../shared/chatParams';
import type { ChatParams } from '../../../shared/ipc';

/** What the Chat settings button says is set ("System prompt · temperature 0.4"); empty when nothing is. */
export function chatSettingsSummary({ systemPrompt, params }: { systemPrompt: string; params: ChatParams }): string {
  return [systemPrompt.trim() ? 'System prompt' : '', paramsSummary(params)].filter(Boolean).join(' · ');
}
