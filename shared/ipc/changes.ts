/**
 * What main announces after something it keeps has changed, so every part of the window that
 * shows it can read it again: one channel, whoever made the change (this window, an import,
 * a restored backup, a chat still streaming). A change names what changed, never its content,
 * so it cannot carry a secret.
 */
export const CHANGE_CHANNEL = 'app:changed';

export const CHANGE_TOPICS = ['conversations', 'messages', 'endpoints', 'prompts', 'settings', 'tools'] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

export interface Change {
  topic: ChangeTopic;
  /**
   * For `conversations` and `messages`: the conversations concerned. Absent: any of them may
   * have changed (a backup replaced the whole history), so read everything again.
   */
  ids?: string[];
}

export const changed = (topic: ChangeTopic, ids?: readonly string[]): Change => (ids === undefined ? { topic } : { topic, ids: [...ids] });

/** A plain check, no zod: the preload uses it on what main pushes. */
export function isChange(value: unknown): value is Change {
  if (typeof value !== 'object' || value === null) return false;
  const { topic, ids } = value as { topic?: unknown; ids?: unknown };
  return (
    (CHANGE_TOPICS as readonly unknown[]).includes(topic) &&
    (ids === undefined || (Array.isArray(ids) && ids.every((id) => typeof id === 'string')))
  );
}
