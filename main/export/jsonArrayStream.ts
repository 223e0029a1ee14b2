/**
 * The elements of a top-level JSON array, as their own JSON texts, from the array's text given in
 * pieces of any size. Memory holds the element being read, never the whole file: a
 * `conversations.json` of several hundred megabytes is read one conversation at a time. Only the
 * structure is followed here (strings, nesting, commas); each element is parsed by JSON.parse.
 */

export class JsonArrayError extends Error {
  override readonly name = 'JsonArrayError';
}

const SPACE = /[\s\ufeff]/;

export class JsonArraySplitter {
  private started = false;
  private ended = false;
  /** Nesting depth inside the element being read; 0 between elements. */
  private depth = 0;
  /** A primitive element (a number, `true`…) is read until the next comma or bracket. */
  private primitive = false;
  private inString = false;
  /** A backslash ended the last piece: the first character of the next one is escaped. */
  private escaped = false;
  /** The element so far, from earlier pieces. */
  private partial = '';
  private reading = false;

  /** The elements completed by this piece, in order. */
  push(piece: string): string[] {
    const elements: string[] = [];
    let start = this.reading ? 0 : -1;
    let i = 0;
    if (this.escaped) {
      this.escaped = false;
      i = 1;
    }
    const finish = (end: number) => {
      elements.push(this.partial + piece.slice(start, end));
      this.partial = '';
      this.reading = false;
      start = -1;
    };
    while (i < piece.length) {
      if (this.inString) {
        const next = nextQuoteOrBackslash(piece, i);
        if (next < 0) break;
        if (piece.charAt(next) === '\\') {
          if (next + 1 >= piece.length) {
            this.escaped = true;
            break;
          }
          i = next + 2;
        } else {
          this.inString = false;
          i = next + 1;
        }
        continue;
      }
      const c = piece.charAt(i);
      if (!this.started) {
        if (c === '[') this.started = true;
        else if (!SPACE.test(c)) throw new JsonArrayError('it does not start with a list ([)');
      } else if (this.ended) {
        if (!SPACE.test(c)) throw new JsonArrayError('there is more after the end of its list');
      } else if (this.primitive) {
        if (c === ',' || c === ']') {
          this.primitive = false;
          finish(i);
          this.ended = c === ']';
        } else if (c === '"') this.inString = true;
      } else if (this.depth === 0) {
        if (c === ']') this.ended = true;
        else if (c !== ',' && !SPACE.test(c)) {
          this.reading = true;
          start = i;
          if (c === '{' || c === '[') this.depth = 1;
          else {
            this.primitive = true;
            if (c === '"') this.inString = true;
          }
        }
      } else if (c === '"') {
        this.inString = true;
      } else if (c === '{' || c === '[') {
        this.depth += 1;
      } else if (c === '}' || c === ']') {
        this.depth -= 1;
        if (this.depth === 0) finish(i + 1);
      }
      i += 1;
    }
    if (this.reading && start >= 0) this.partial += piece.slice(start);
    return elements;
  }

  /** Checks the array ended; throws when the text stopped inside it (a file cut short). */
  end(): void {
    if (!this.started) throw new JsonArrayError('it is empty');
    if (!this.ended) throw new JsonArrayError(this.reading ? 'it ends in the middle of a conversation' : 'its list never ends (no closing ])');
  }
}

const QUOTE_OR_BACKSLASH = /["\\]/g;

/** Where the string being read ends or escapes next; -1 when not in this piece. */
function nextQuoteOrBackslash(text: string, from: number): number {
  QUOTE_OR_BACKSLASH.lastIndex = from;
  return QUOTE_OR_BACKSLASH.exec(text)?.index ?? -1;
}
