import { LONG_TEXT_BOX_CLASS, longTextRuns } from './longText';

/**
 * Plain text, laid out in boxes when it is long (longText.ts): a huge paste or result costs its length,
 * not its square. `boxClassName`: where the boxes are drawn otherwise (a code line's sit side by side).
 */
export function LongText({ text, boxClassName = LONG_TEXT_BOX_CLASS }: { text: string; boxClassName?: string }) {
  const runs = longTextRuns(text);
  if (runs.length === 1) return text;
  // Runs only change at the end of a text that grows: the index is a stable identity.
  return runs.map((run, index) => (
    <span key={index} className={boxClassName}>
      {run}
    </span>
  ));
}
