/** Reading a parameter typed by a person: a value, "not set", or a sentence saying what is wrong. */

export type ParsedInput<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
}

/** `badInput`: the browser could not read the number input's text as a number. */
export function parseNumberInput(label: string, text: string, rule: NumberRule, badInput = false): ParsedInput<number> {
  if (badInput) return { ok: false, message: `${label} must be a number.` };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `${label} must be a number.` };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, message: `${label} must be a whole number.` };
  if (value < rule.min || value > rule.max) {
    const range = rule.max >= Number.MAX_SAFE_INTEGER ? `at least ${rule.min}` : `between ${rule.min} and ${rule.max}`;
    return { ok: false, message: `${label} must be ${range}.` };
  }
  return { ok: true, value };
}
