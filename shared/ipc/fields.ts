/** Request fields several tables share. */
import { z } from 'zod';
import { LIMITS } from '../limits';

export const httpUrl = z
  .string()
  .max(LIMITS.urlChars)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const idSchema = z.uuid();

export const endpointIdSchema = z.string().min(1).max(LIMITS.endpointIdChars);

/** `{ id }` of a conversation or a prompt. */
export const idRequestSchema = z.object({ id: idSchema }).strict();
