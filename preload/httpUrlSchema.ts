/** An http(s) URL of bounded length: endpoints' base URLs, MCP servers' addresses. */
import { z } from 'zod';
import { LIMITS } from './limits';

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
