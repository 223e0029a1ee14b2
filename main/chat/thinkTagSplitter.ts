/**
 * Routes an inline `<think>…</think>` block at the very start of an answer to reasoning, for models
 * that reason in their content instead of a `reasoning` field. Works on streamed pieces: a tag may
 * be split across any number of chunks. Only a leading block counts; later tags are plain content.
 */
const OPEN = '<think>';
const CLOSE = '</think>';

export interface SplitText {
  content: string;
  reasoning: string;
}

export interface ThinkTagSplitter {
  push(text: string): SplitText;
  /** The end of the stream: releases whatever was held back waiting for a tag to complete. */
  flush(): SplitText;
}

export function createThinkTagSplitter(): ThinkTagSplitter {
  let state: 'start' | 'thinking' | 'answering' = 'start';
  let held = '';
  // Models put a blank line after `</think>`; it is not part of the answer.
  let trimAnswerStart = false;

  function answer(text: string): string {
    if (!trimAnswerStart) return text;
    const trimmed = text.trimStart();
    if (trimmed) trimAnswerStart = false;
    return trimmed;
  }

  function push(text: string): SplitText {
    held += text;
    if (state === 'start') {
      const lead = held.trimStart();
      if (OPEN.startsWith(lead)) return { content: '', reasoning: '' }; // still could become `<think>`
      if (!lead.startsWith(OPEN)) {
        state = 'answering';
      } else {
        state = 'thinking';
        held = lead.slice(OPEN.length);
      }
    }
    if (state === 'thinking') {
      const end = held.indexOf(CLOSE);
      if (end < 0) {
        // Hold back a tail that may be the beginning of `</think>`.
        const keep = partialTagLength(held);
        const reasoning = held.slice(0, held.length - keep);
        held = held.slice(held.length - keep);
        return { content: '', reasoning };
      }
      const reasoning = held.slice(0, end);
      held = held.slice(end + CLOSE.length);
      state = 'answering';
      trimAnswerStart = true;
      return { content: takeAnswer(), reasoning };
    }
    return { content: takeAnswer(), reasoning: '' };
  }

  function takeAnswer(): string {
    const content = answer(held);
    held = '';
    return content;
  }

  function flush(): SplitText {
    const rest = held;
    held = '';
    return state === 'thinking' ? { content: '', reasoning: rest } : { content: answer(rest), reasoning: '' };
  }

  return { push, flush };
}

/** Length of the longest suffix of `text` that is a proper prefix of `</think>`. */
function partialTagLength(text: string): number {
  for (let length = Math.min(CLOSE.length - 1, text.length); length > 0; length--) {
    if (CLOSE.startsWith(text.slice(-length))) return length;
  }
  return 0;
}
