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
 * Parley keeps answers as versions (‹ 1/2 ›), and a question's earlier wordings too, but not yet
 * a conversation that went on below another branch (conversation trees come later): those
 * messages are counted so the report can name them.
 */
import type { SourceConversation, SourceMessage } from './source';
import { isHidden } from './source';

export type Role = 'user' | 'assistant';

/** One turn: a question, or all the messages that made its answer, in order. */
export interface Turn {
  role: Role;
  messages: SourceMessage[];
}

export interface ThreadTurn extends Turn {
  /** Other answers to the same question (regenerations), in the order the tree holds them. */
  otherAnswers: Turn[];
  /** Earlier wordings of the question (edits); what followed them is counted in `unkept`. */
  otherWordings: SourceMessage[];
}

export interface Thread {
  turns: ThreadTurn[];
  /** Visible system messages (an old-style system prompt). */
  system: SourceMessage[];
  /** Messages on branches Parley cannot keep yet: below another answer or another wording. */
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

/**
 * A branch followed down its newest children: the visible messages up to the first question
 * (`before`), that question, and how many visible messages lie beyond it or on side branches.
 */
function walkBranch(c: SourceConversation, start: string): { before: SourceMessage[]; question: SourceMessage | null; beyond: number } {
  const before: SourceMessage[] = [];
  let beyond = 0;
  const seen = new Set<string>();
  for (let id: string | undefined = start; id && !seen.has(id); id = newestChild(c, id)) {
    seen.add(id);
    const m = visible(c, id);
    if (m && roleOf(m) === 'user') {
      for (const child of c.mapping[id]?.children ?? []) beyond += countVisible(c, child);
      return { before, question: m, beyond };
    }
    if (m) before.push(m);
    for (const side of (c.mapping[id]?.children ?? []).slice(0, -1)) beyond += countVisible(c, side);
  }
  return { before, question: null, beyond };
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

export function readThread(c: SourceConversation): Thread | null {
  const path = mainPath(c);
  if (!path) return null;
  const { turns, turnAt, system, placeOf } = turnsOf(c, path);
  let unkept = 0;
  path.forEach((id, index) => {
    const here = turnAt[index] ?? -1;
    for (const child of c.mapping[id]?.children ?? []) {
      if (child === path[index + 1]) continue;
      const branch = walkBranch(c, child);
      unkept += branch.beyond;
      const first = branch.before[0] ?? branch.question;
      if (!first) continue;
      if (roleOf(first) === 'user') {
        // Another wording of the next question on the main branch.
        const question = turns.findIndex((turn, at) => at > here && turn.role === 'user');
        const target = turns[question];
        if (target) target.otherWordings.push(first);
        else unkept += 1;
        continue;
      }
      // Another answer: to the answer this node is part of, or to the next one.
      const current = turns[here];
      const answerAt = current?.role === 'assistant' ? here : here + 1;
      const answer = turns[answerAt];
      if (answer?.role !== 'assistant') {
        unkept += branch.before.length + (branch.question ? 1 : 0);
        continue;
      }
      // A branch in the middle of an answer shares the answer's messages up to where it starts.
      const shared = answerAt === here ? answer.messages.filter((m) => (placeOf.get(m) ?? Infinity) <= index) : [];
      answer.otherAnswers.push({ role: 'assistant', messages: [...shared, ...branch.before] });
      if (branch.question) unkept += 1;
    }
  });
  return { turns, system, unkept };
}
