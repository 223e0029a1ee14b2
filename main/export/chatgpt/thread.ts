/**
 * A ChatGPT conversation tree as the turns a person saw, with its other branches. This is the one
 * place where ChatGPT's branching meets Parley's history; the rest of the importer only turns
 * messages into text.
 *
 * The main branch runs from `current_node` up its parents to the root. Along it, each visible
 * user message is a question, and everything visible between two questions (thinking, tool calls
 * and their results, canvas edits, the texts) is the one answer to the first. Hidden messages
 * (custom instructions, the request-scoped system and placeholder nodes of the 2025 layout) are
 * skipped but kept in the path, because other branches can start from them.
 *
 * A branch off the main one is either another answer (a regeneration: ChatGPT branches at the
 * question, or at one of the hidden nodes after it) or another wording of a question (an edit).
 * Each becomes a version at its place, and what followed it on its branch (down its newest
 * children: ChatGPT does not say which one was last shown there) the version's continuation,
 * read the same way, so its own branches become versions in turn. Only a branch with no place on
 * the branch it leaves (a question after its last message, an answer where there is no answer) is
 * left out: its messages are counted so the report can name them.
 */
import type { SourceConversation, SourceMessage } from './source';
import { isHidden } from './source';

export type Role = 'user' | 'assistant';

/** One turn: a question, or all the messages that made its answer, in order. */
export interface Turn {
  role: Role;
  messages: SourceMessage[];
}

/** Another version at a turn, with the turns that followed it on its branch. */
export interface Alternative<T> {
  version: T;
  after: ThreadTurn[];
}

export interface ThreadTurn extends Turn {
  /** Other answers to the same question (regenerations), in the order the tree holds them. */
  otherAnswers: Alternative<Turn>[];
  /** Other wordings of the question (edits). */
  otherWordings: Alternative<SourceMessage>[];
}

export interface Thread {
  turns: ThreadTurn[];
  /** Visible system messages (an old-style system prompt). */
  system: SourceMessage[];
  /** Messages on branches with no place on the branch they leave. */
  unkept: number;
}

/** The main branch, root first; null when the links are broken or loop. */
function mainPath(c: SourceConversation): string[] | null {
  const path: string[] = [];
  const seen = new Set<string>();
  for (let id: string | null | undefined = c.current_node; id; id = c.mapping[id]?.parent) {
    if (seen.has(id) || !c.mapping[id]) return null;
    seen.add(id);
    path.push(id);
  }
  return path.reverse();
}

const roleOf = (m: SourceMessage): Role | 'system' => (m.author.role === 'user' ? 'user' : m.author.role === 'system' ? 'system' : 'assistant');

/** A message a person saw (or that made what they saw, like a tool call). */
function visible(c: SourceConversation, id: string): SourceMessage | null {
  const m = c.mapping[id]?.message;
  return m && !isHidden(m) && m.content.content_type !== 'user_editable_context' ? m : null;
}

/** The newest child (ChatGPT appends children in the order they were made). */
const newestChild = (c: SourceConversation, id: string): string | undefined => c.mapping[id]?.children?.at(-1);

/** How many visible messages a subtree holds. */
function countVisible(c: SourceConversation, id: string, seen = new Set<string>()): number {
  if (seen.has(id)) return 0;
  seen.add(id);
  const own = visible(c, id) ? 1 : 0;
  return own + (c.mapping[id]?.children ?? []).reduce((sum, child) => sum + countVisible(c, child, seen), 0);
}

/** A branch from `start` down its newest children to a leaf, or to a node already read (a tree that loops). */
function branchPath(c: SourceConversation, start: string, seen: Set<string>): string[] {
  const path: string[] = [];
  for (let id: string | undefined = start; id && !seen.has(id); id = newestChild(c, id)) {
    seen.add(id);
    path.push(id);
  }
  return path;
}

/** Splits the main path into turns; `turnAt[i]` is the turn the path's node i belongs to (-1 before the first). */
function turnsOf(c: SourceConversation, path: readonly string[]): { turns: ThreadTurn[]; turnAt: number[]; system: SourceMessage[]; placeOf: Map<SourceMessage, number> } {
  const turns: ThreadTurn[] = [];
  const system: SourceMessage[] = [];
  const placeOf = new Map<SourceMessage, number>();
  const turnAt = path.map((id, index) => {
    const m = visible(c, id);
    if (!m) return turns.length - 1;
    placeOf.set(m, index);
    const role = roleOf(m);
    const last = turns.at(-1);
    if (role === 'system') system.push(m);
    else if (role === 'user' || last?.role !== 'assistant') turns.push({ role, messages: [m], otherAnswers: [], otherWordings: [] });
    else last.messages.push(m);
    return turns.length - 1;
  });
  return { turns, turnAt, system, placeOf };
}

/** The turns along `path`, each with the other branches that leave it as versions; `seen` keeps a looping tree finite. */
function threadOf(c: SourceConversation, path: readonly string[], seen: Set<string>): Thread {
  const { turns, turnAt, system, placeOf } = turnsOf(c, path);
  let unkept = 0;
  path.forEach((id, index) => {
    const here = turnAt[index] ?? -1;
    for (const child of c.mapping[id]?.children ?? []) {
      if (child === path[index + 1] || seen.has(child)) continue;
      const branch = threadOf(c, branchPath(c, child, seen), seen);
      const [first, ...after] = branch.turns;
      if (!first) continue;
      if (first.role === 'user') {
        // Another wording of the next question on this branch.
        const target = turns.find((turn, at) => at > here && turn.role === 'user');
        // A question is a turn of one message.
        if (target) target.otherWordings.push({ version: first.messages[0] as SourceMessage, after });
        // Placed, it brings what its own branches left out; not placed, it is all left out.
        unkept += target ? branch.unkept : countVisible(c, child);
        continue;
      }
      // Another answer: to the answer this node is part of, or to the next one.
      const current = turns[here];
      const answerAt = current?.role === 'assistant' ? here : here + 1;
      const answer = turns[answerAt];
      if (answer?.role !== 'assistant') {
        unkept += countVisible(c, child);
        continue;
      }
      // A branch in the middle of an answer shares the answer's messages up to where it starts.
      const shared = answerAt === here ? answer.messages.filter((m) => (placeOf.get(m) ?? Infinity) <= index) : [];
      answer.otherAnswers.push({ version: { role: 'assistant', messages: [...shared, ...first.messages] }, after });
      unkept += branch.unkept;
    }
  });
  return { turns, system, unkept };
}

export function readThread(c: SourceConversation): Thread | null {
  const path = mainPath(c);
  return path && threadOf(c, path, new Set(path));
}
