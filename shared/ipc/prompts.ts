/** The prompts table: the library of named system prompts. */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { call, emptySchema, returns } from './call';
import { changed } from './changes';
import { idRequestSchema, idSchema } from './fields';
import type { SavedFile } from './transfer';

/** A named system prompt in the "Prompts" library (a type, so backups can hold it as JSON). */
export type SavedPrompt = {
  id: string;
  name: string;
  /** May hold {{date}}, {{time}} and {{model}}, filled at send time. */
  text: string;
  updatedAt: number;
};

export interface PromptLibrary {
  prompts: SavedPrompt[];
  /** The prompt new chats start with; null: none. */
  defaultId: string | null;
}

export interface PromptImportReport {
  added: string[];
  updated: string[];
  skipped: { name: string; reason: string }[];
}

export const savePromptSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1, 'the name is empty').max(LIMITS.titleChars),
    text: z.string().max(LIMITS.systemPromptChars),
  })
  .strict();
export const setDefaultPromptSchema = z.object({ id: idSchema.nullable() }).strict();
export const importPromptsSchema = z.object({ content: z.string().max(LIMITS.importChars) }).strict();

const libraryChanged = () => [changed('prompts')];

export const promptCalls = {
  listPrompts: call({ channel: 'prompts:list', request: emptySchema, response: returns<PromptLibrary>() }),
  /** Creates the prompt, or changes the one with this id. */
  savePrompt: call({ channel: 'prompts:save', request: savePromptSchema, response: returns<PromptLibrary>(), changes: libraryChanged }),
  deletePrompt: call({ channel: 'prompts:delete', request: idRequestSchema, response: returns<PromptLibrary>(), changes: libraryChanged }),
  setDefaultPrompt: call({ channel: 'prompts:setDefault', request: setDefaultPromptSchema, response: returns<PromptLibrary>(), changes: libraryChanged }),
  /** "Export prompts": the library as JSON, saved or downloaded like other exports. */
  exportPrompts: call({ channel: 'prompts:export', request: emptySchema, response: returns<SavedFile>() }),
  /** "Import prompts": merges a library file by id; bad JSON changes nothing. */
  importPrompts: call({
    channel: 'prompts:import',
    request: importPromptsSchema,
    response: returns<{ library: PromptLibrary; report: PromptImportReport }>(),
    changes: libraryChanged,
  }),
};
