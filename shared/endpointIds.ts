/**
 * The built-in endpoint's id, zod-free so the page can use it: conversations made before
 * Parley kept several endpoints, and new chats before the user picks one, belong to it.
 */
export const DEFAULT_ENDPOINT_ID = 'wandb';
