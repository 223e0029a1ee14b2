/** The variables a system prompt may hold, filled by main at send time; the stored prompt keeps them as written. */
export const PROMPT_VARIABLES = [
  { name: '{{date}}', meaning: 'today’s date, e.g. 2026-11-26' },
  { name: '{{time}}', meaning: 'the local time, e.g. 14:05' },
  { name: '{{model}}', meaning: 'the id of the model the message goes to' },
] as const;

export interface PromptVariableValues {
  date: string;
  time: string;
  model: string;
}

/** Replaces each known `{{name}}` (spaces inside the braces allowed); unknown ones stay as written. */
export function fillPromptVariables(template: string, values: PromptVariableValues): string {
  return template.replace(/\{\{\s*(date|time|model)\s*\}\}/g, (_, name: keyof PromptVariableValues) => values[name]);
}
