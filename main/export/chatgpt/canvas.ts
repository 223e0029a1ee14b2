/**
 * ChatGPT's canvas documents, often what the person asked for, kept in the answer as a named
 * fenced block. The document lives only in the tool calls: `canmore.create_textdoc` carries
 * `{ name, type, content }` (type `document`, `code/python`, `code/react`…), and each
 * `canmore.update_textdoc` carries `{ updates: [{ pattern, multiple, replacement }] }`, regular
 * expressions over the current document (`.*` rewrites all of it). Each call shows the document
 * as it stands after it. The JSON is the call's text (`content_type: code`), or its only part in
 * older exports.
 */
import { z } from 'zod';
import type { Notes } from './notes';
import type { SourceMessage } from './source';

const created = z.object({ name: z.string(), type: z.string().nullish(), content: z.string() });
const updated = z.object({ updates: z.array(z.object({ pattern: z.string(), multiple: z.boolean().nullish(), replacement: z.string() })) });
const commented = z.object({ comments: z.array(z.unknown()) });

interface Document {
  name: string;
  type: string;
  content: string;
}

/** `code/python` → `python`; a canvas "document" is Markdown. */
function language(type: string): string {
  if (type === 'document') return 'markdown';
  if (type === 'webview') return 'html';
  const code = /^code\/(.+)$/.exec(type)?.[1] ?? '';
  return code === 'other' ? '' : code === 'react' ? 'jsx' : code;
}

/** The document as a fenced block under its name, with a fence no line of it can close. */
function block(doc: Document, edited: boolean): string {
  const longest = Math.max(0, ...(doc.content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `**Canvas: ${doc.name.replace(/[*_\\[\]]/g, '\\$&')}${edited ? ' (edited)' : ''}**\n\n${fence}${language(doc.type)}\n${doc.content}\n${fence}`;
}

/** The JSON a canvas call holds. */
function callJson(m: SourceMessage): unknown {
  const content = m.content as { text?: unknown; parts?: unknown };
  const text = typeof content.text === 'string' ? content.text : Array.isArray(content.parts) && typeof content.parts[0] === 'string' ? content.parts[0] : '';
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Applies one update the way the canvas tool does; null when the pattern is not one JavaScript can run or does not match. */
function applyUpdate(content: string, { pattern, multiple, replacement }: z.infer<typeof updated>['updates'][number]): string | null {
  if (pattern === '.*' || pattern === '^.*$' || pattern === '(?s).*') return replacement;
  let expression: RegExp;
  try {
    expression = new RegExp(pattern, multiple ? 'gs' : 's');
  } catch {
    return null;
  }
  if (!expression.test(content)) return null;
  expression.lastIndex = 0;
  // The replacement is text, not a template: `$1` stays as it is.
  return content.replace(expression, () => replacement);
}

/** The documents of one conversation, followed call by call. */
export class Canvas {
  private current: Document | null = null;

  constructor(private readonly notes: Notes) {}

  /** A copy to follow another branch with, from the document as it is now. */
  fork(): Canvas {
    const copy = new Canvas(this.notes);
    copy.current = this.current;
    return copy;
  }

  /** The block a canvas call adds to the answer, or null when it adds none (a comment, or a call that cannot be read). */
  call(m: SourceMessage): string | null {
    const json = callJson(m);
    const create = created.safeParse(json);
    if (create.success) {
      this.current = { name: create.data.name, type: create.data.type ?? 'document', content: create.data.content };
      return block(this.current, false);
    }
    const update = updated.safeParse(json);
    if (update.success && this.current) {
      const doc = this.current;
      let content: string | null = doc.content;
      for (const change of update.data.updates) content = content === null ? null : applyUpdate(content, change);
      if (content === null) {
        this.notes.add('canvasEdit', doc.name);
        return null;
      }
      this.current = { ...doc, content };
      return block(this.current, true);
    }
    if (commented.safeParse(json).success) this.notes.add('canvasComment');
    else this.notes.add('toolCall', m.recipient ?? 'canmore');
    return null;
  }
}
