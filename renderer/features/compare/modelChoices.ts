/** How many models one comparison runs: fewer is not a comparison, more no longer fits side by side. */
export const MIN_MODELS = 2;
export const MAX_MODELS = 4;

/** Why the prompt cannot be sent to these models yet, as a sentence; null when it can. */
export function cannotSend(models: readonly string[], prompt: string): string | null {
  if (models.some((model) => model.trim() === '')) return 'Choose a model for each column.';
  if (new Set(models).size < models.length) return 'Each model can be compared once; choose different models.';
  if (prompt.trim() === '') return 'Write a prompt to send.';
  return null;
}

/** The first choices: the conversation's model, and a column still to pick. */
export const initialModels = (current: string): string[] => [current, ''];
