/**
 * A history that looks lived in, for screenshots and layout specs: conversations spread over
 * the sidebar's date groups (one pinned), a rich answer (code, a wide table, math, a list),
 * reasoning, a model change, a failed answer and a long title. Written into the data folder's
 * SQLite file through the real history store before Parley starts, with times fixed relative
 * to SCREENSHOT_NOW, the moment the page's clock is frozen at (see visual.ts).
 */
import { DEFAULT_ENDPOINT_ID } from '../../../shared/endpointIds';
import { openHistory } from '../../../main/history/openHistory';
import type { ExportConversation, ExportMessage } from '../../../main/export/types';

/** Thursday 12 March 2026, 10:30 UTC: every seeded time is an offset from it. */
export const SCREENSHOT_NOW = Date.UTC(2026, 2, 12, 10, 30);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Real W&B model ids, so pickers and stats read as they do for a person; the fake server answers them through aliases. */
export const SEEDED_MODELS = {
  instruct: 'Qwen/Qwen3-235B-A22B-Instruct-2507',
  reasoning: 'openai/gpt-oss-120b',
  vision: 'moonshotai/Kimi-K2.6',
  coder: 'Qwen/Qwen3-Coder-480B-A35B-Instruct',
} as const;

/** How the fake inference server answers the seeded models: like its echo and reasoning models. */
export const SEEDED_ALIASES: Readonly<Record<string, string>> = {
  [SEEDED_MODELS.instruct]: 'fake/echo',
  [SEEDED_MODELS.reasoning]: 'fake/reasoning-echo',
  [SEEDED_MODELS.vision]: 'fake/echo',
  [SEEDED_MODELS.coder]: 'fake/echo',
};

/** The question whose answer shows every kind of block the Markdown renderer draws. */
export const RICH_QUESTION = 'How do I read a CSV of sensor data in Python and summarise it per device?';

export const RICH_ANSWER = [
  'Use **pandas**: read the file once, then group by device. The `describe()` call gives the usual statistics.',
  '',
  '```python',
  'import pandas as pd',
  '',
  'readings = pd.read_csv("sensors.csv", parse_dates=["taken_at"])',
  'summary = readings.groupby("device_id")["temperature_c"].agg(["count", "mean", "min", "max", "std"]).round(2)  # one row per device',
  'print(summary.sort_values("mean", ascending=False).head(10))',
  '```',
  '',
  'For three devices the result looks like this:',
  '',
  '| device_id | count | mean | min | max | std | location_description_from_the_asset_register |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  '| greenhouse-north-01 | 1,440 | 21.37 | 17.90 | 26.12 | 1.84 | North greenhouse, bench 3, above the irrigation manifold |',
  '| greenhouse-south-02 | 1,438 | 23.05 | 18.44 | 29.70 | 2.31 | South greenhouse, hanging from the ridge beam |',
  '| cold-store-03 | 1,440 | 3.12 | 2.40 | 4.95 | 0.41 | Cold store, door side |',
  '',
  'The standard deviation is the square root of the variance:',
  '',
  '$$',
  '\\sigma = \\sqrt{\\frac{1}{N-1}\\sum_{i=1}^{N}(x_i - \\bar{x})^2}',
  '$$',
  '',
  'A few things to check before trusting the numbers:',
  '',
  '1. Missing readings: `readings["temperature_c"].isna().sum()`.',
  '2. Clock drift between devices, if `taken_at` comes from the device itself.',
  '3. Outliers, for which a rolling median is more robust than the mean.',
].join('\n');

const RICH_REASONING =
  'The user has sensor readings in a CSV and wants per-device statistics. pandas is the natural choice: read_csv with parse_dates, then groupby on the device column and agg with the usual statistics. I should show the code, a sample of the output as a table, and mention the formula for the standard deviation since they may wonder which one pandas uses (ddof=1).';

const uuid = (n: number) => `5eed0000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

interface Turn {
  question: string;
  answer: string;
  model: string;
  reasoning?: string;
  /** A failed answer keeps its error and has no usage. */
  failed?: { code: 'quota'; message: string; status: number };
}

function messagesOf(conversationNumber: number, startedAt: number, turns: readonly Turn[]): ExportMessage[] {
  return turns.flatMap((turn, index) => {
    const at = startedAt + index * 4 * MINUTE;
    const base = { finishReason: null, firstTokenMs: null, durationMs: null, thinkingMs: null, reasoning: '', error: null, usage: null };
    const question: ExportMessage = { ...base, id: uuid(conversationNumber * 100 + index * 2), role: 'user', content: turn.question, status: 'complete', model: turn.model, createdAt: at };
    const completionTokens = Math.round(turn.answer.length / 4);
    const answer: ExportMessage = turn.failed
      ? { ...base, id: uuid(conversationNumber * 100 + index * 2 + 1), role: 'assistant', content: '', status: 'error', model: turn.model, createdAt: at + 1_000, error: turn.failed }
      : {
          ...base,
          id: uuid(conversationNumber * 100 + index * 2 + 1),
          role: 'assistant',
          content: turn.answer,
          reasoning: turn.reasoning ?? '',
          status: 'complete',
          model: turn.model,
          finishReason: 'stop',
          firstTokenMs: 420 + index * 35,
          durationMs: 2_400 + completionTokens * 9,
          createdAt: at + 1_000,
          usage: { promptTokens: 180 + index * 240, completionTokens, totalTokens: 180 + index * 240 + completionTokens },
        };
    return [question, answer];
  });
}

interface SeedConversation {
  title: string;
  /** How long before SCREENSHOT_NOW it was last used. */
  ago: number;
  pinned?: boolean;
  systemPrompt?: string;
  params?: ExportConversation['params'];
  turns: Turn[];
}

const SEED: readonly SeedConversation[] = [
  {
    title: 'Summarising sensor data with pandas',
    ago: 20 * MINUTE,
    systemPrompt: 'You are a concise senior data engineer. Prefer pandas and show runnable code.',
    params: { temperature: 0.4 },
    turns: [
      { question: 'What is the difference between a CSV and a TSV file?', answer: 'Only the separator: a **comma** in CSV, a **tab** in TSV. Tabs rarely appear inside values, so TSV needs less quoting.', model: SEEDED_MODELS.instruct },
      { question: RICH_QUESTION, answer: RICH_ANSWER, model: SEEDED_MODELS.reasoning, reasoning: RICH_REASONING },
    ],
  },
  {
    title: 'Trip plan: three days in Lisbon with a seven-year-old who loves trams and the aquarium',
    ago: 2 * HOUR,
    pinned: true,
    turns: [{ question: 'Plan three relaxed days in Lisbon with a seven-year-old.', answer: 'Day 1: **Tram 28** in the morning, then the castle. Day 2: the Oceanário and Parque das Nações. Day 3: Belém, pastéis de nata, and the riverside.', model: SEEDED_MODELS.instruct }],
  },
  {
    title: 'Regex for ISO dates',
    ago: 5 * HOUR,
    turns: [{ question: 'A regex that matches ISO 8601 dates like 2026-03-12?', answer: 'This one checks the shape, not the calendar:\n\n```regex\n^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$\n```', model: SEEDED_MODELS.coder }],
  },
  {
    title: 'Credits ran out mid-question',
    ago: 26 * HOUR,
    turns: [
      {
        question: 'Translate the release notes into German.',
        answer: '',
        model: SEEDED_MODELS.vision,
        failed: { code: 'quota', status: 402, message: 'Your W&B Inference credits are used up, or the monthly spending limit is reached. Add credits or raise the limit in your W&B billing settings, then try again.' },
      },
    ],
  },
  {
    title: 'Explain attention like I am five',
    ago: 3 * DAY,
    turns: [{ question: 'Explain attention in transformers like I am five.', answer: 'When you read a sentence, some words matter more for understanding a word than others. **Attention** lets the model look back and decide which words to listen to.', model: SEEDED_MODELS.reasoning, reasoning: 'Keep it simple: a classroom analogy.' }],
  },
  {
    title: 'Postgres index for a LIKE prefix search',
    ago: 9 * DAY,
    turns: [{ question: 'Which index helps `WHERE name LIKE \'abc%\'` in Postgres?', answer: 'A B-tree with `text_pattern_ops`:\n\n```sql\nCREATE INDEX people_name_prefix ON people (name text_pattern_ops);\n```', model: SEEDED_MODELS.coder }],
  },
  {
    title: 'Birthday message for Grandma',
    ago: 40 * DAY,
    turns: [{ question: 'A short warm birthday message for my grandma turning 90.', answer: 'Happy 90th birthday, Grandma! Ninety years of stories, kindness and the best apple cake in the world.', model: SEEDED_MODELS.instruct }],
  },
];

/** The seeded conversations as an export carries them, newest first. */
export function seededConversations(): ExportConversation[] {
  return SEED.map((seed, index) => {
    const updatedAt = SCREENSHOT_NOW - seed.ago;
    const startedAt = updatedAt - seed.turns.length * 4 * MINUTE;
    const messages = messagesOf(index + 1, startedAt, seed.turns);
    return {
      id: uuid(index + 1),
      title: seed.title,
      model: seed.turns.at(-1)?.model ?? SEEDED_MODELS.instruct,
      // The history keeps an endpoint's id (an export's URL is mapped to it by the importer).
      endpoint: DEFAULT_ENDPOINT_ID,
      systemPrompt: seed.systemPrompt ?? '',
      params: seed.params ?? {},
      pinned: seed.pinned ?? false,
      createdAt: startedAt,
      updatedAt,
      messages,
    };
  });
}

/** Titles of conversations a spec opens: the rich answer (code, table, math, reasoning), the pinned one, the failed one. */
export const SEEDED_TITLES = {
  rich: SEED[0]?.title ?? '',
  pinned: SEED.find((seed) => seed.pinned)?.title ?? '',
  failed: SEED.find((seed) => seed.turns.some((turn) => turn.failed))?.title ?? '',
} as const;

export const RICH_TITLE = SEEDED_TITLES.rich;

/** Writes the seeded conversations into `dataDir`'s history, as an import would, before the app starts. */
export async function seedHistory(dataDir: string): Promise<void> {
  const { store } = await openHistory({ dataDir });
  try {
    store.importConversations(seededConversations(), 'skip');
  } finally {
    store.close();
  }
}
