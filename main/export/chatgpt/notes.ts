/**
 * What one conversation's import left out or changed, counted while reading it and said once
 * each, as a person reads a report: "3 images were not imported…", not one line per message.
 */

interface Kind {
  /** The sentence for a count (and the names, when the kind has them). */
  say(count: number, names: readonly string[]): string;
}

const list = (names: readonly string[]): string => {
  const shown = names.slice(0, 5).map((name) => `“${name}”`).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
};
const plural = (count: number, one: string, many: string): string => (count === 1 ? `1 ${one}` : `${count} ${many}`);
const were = (count: number): string => (count === 1 ? 'was' : 'were');

const KINDS = {
  attachment: {
    say: (n, names) => `${plural(n, 'attached file', 'attached files')} (${list(names)}) ${were(n)} not imported: conversations.json names ${n === 1 ? 'it' : 'them'} but does not hold ${n === 1 ? 'its' : 'their'} contents.`,
  },
  image: { say: (n) => `${plural(n, 'image', 'images')} ${were(n)} not imported: conversations.json does not hold ${n === 1 ? 'it' : 'them'}.` },
  generatedImage: { say: (n) => `${plural(n, 'generated image', 'generated images')} ${were(n)} not imported: conversations.json does not hold ${n === 1 ? 'it' : 'them'}.` },
  voice: { say: () => 'The voice recordings were not imported; their transcripts were.' },
  toolCall: { say: (n, names) => `${plural(n, 'tool call', 'tool calls')} (${names.join(', ')}) and ${n === 1 ? 'its result' : 'their results'} ${were(n)} not imported.` },
  citation: { say: (n) => `${plural(n, 'citation mark', 'citation marks')} whose source is not in the file ${were(n)} removed.` },
  canvasEdit: { say: (n, names) => `${plural(n, 'canvas edit', 'canvas edits')} to ${list(names)} could not be applied; the document is shown as it was before.` },
  canvasComment: { say: (n) => `${plural(n, 'canvas comment', 'canvas comments')} ${were(n)} not imported.` },
  unkept: {
    say: (n) => `${plural(n, 'message', 'messages')} on other branches ${were(n)} not imported: ${n === 1 ? 'it' : 'they'} went on from a point the conversation does not show (after its last message, or an answer with no text).`,
  },
  unknownPart: { say: (n, names) => `${plural(n, 'part', 'parts')} of a kind Parley does not read (${names.join(', ')}) ${were(n)} not imported.` },
} satisfies Record<string, Kind>;

export type NoteKind = keyof typeof KINDS;

export class Notes {
  private readonly counts = new Map<NoteKind, { count: number; names: string[] }>();

  /** Counts one (or `count`) of a kind; `name` is listed once however often it comes. */
  add(kind: NoteKind, name?: string, count = 1): void {
    if (count <= 0) return;
    const entry = this.counts.get(kind) ?? { count: 0, names: [] };
    entry.count += count;
    if (name !== undefined && !entry.names.includes(name)) entry.names.push(name);
    this.counts.set(kind, entry);
  }

  /** The sentences, in the order the kinds are listed above. */
  sentences(): string[] {
    return (Object.keys(KINDS) as NoteKind[]).flatMap((kind) => {
      const entry = this.counts.get(kind);
      return entry ? [KINDS[kind].say(entry.count, entry.names)] : [];
    });
  }
}
