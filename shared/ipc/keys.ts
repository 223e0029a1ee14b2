/** The W&B key's table (the built-in endpoint's key; other endpoints' keys are in endpoints.ts). */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { call, emptySchema, returns } from './call';
import { changed } from './changes';

/** What the renderer may know about the stored key: never the key itself. */
export interface KeyStatus {
  hasKey: boolean;
  /** Last four characters, for recognising which key is stored. */
  hint: string | null;
  /** Where the key lives: an OS keyring name, `basic_text` (no keyring), or `memory` (web mode). */
  backend: string;
  /** False when the backend would keep the key readable by anyone with the file (Linux without a keyring). */
  secure: boolean;
}

export const saveKeySchema = z
  .object({
    key: z.string().trim().min(1, 'the key is empty').max(LIMITS.keyChars),
    /** The user agreed to store the key without an OS keyring. */
    allowInsecure: z.boolean().optional(),
  })
  .strict();

/** The endpoint list shows each endpoint's key status. */
const keyChanged = () => [changed('endpoints')];

export const keyCalls = {
  keyStatus: call({ channel: 'key:status', request: emptySchema, response: returns<KeyStatus>() }),
  saveKey: call({ channel: 'key:save', request: saveKeySchema, response: returns<KeyStatus>(), changes: keyChanged }),
  removeKey: call({ channel: 'key:remove', request: emptySchema, response: returns<KeyStatus>(), changes: keyChanged }),
};
