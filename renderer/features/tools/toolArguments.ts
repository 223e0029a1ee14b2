/** A call's arguments as the dialog and the answer show them: pretty JSON, or the text as sent when it is not JSON. */
export function prettyArguments(text: string): { text: string; valid: boolean } {
  if (text.trim() === '') return { text: '{}', valid: true };
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), valid: true };
  } catch {
    return { text, valid: false };
  }
}
