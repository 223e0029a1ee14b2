/**
 * Payload limits, apart from the contract so the page can use them without bundling zod
 * (zod probes `new Function`, which the CSP refuses).
 */
/** Upper bounds that keep a hostile or buggy page from handing main absurd payloads. */
export const LIMITS = {
  messageChars: 2_000_000,
  messages: 5_000,
  systemPromptChars: 200_000,
  keyChars: 4_096,
  modelIdChars: 300,
  urlChars: 2_048,
  projectChars: 200,
  titleChars: 300,
  searchChars: 1_000,
  /** One import call: the web bridge's frame limit is 64 MB, and UTF-16 strings double in JSON at worst. */
  importChars: 30_000_000,
  importFiles: 10_000,
  /** One piece of a ChatGPT export on its way to main, as base64: 4 MiB of the file. */
  importChunkChars: 5_600_000,
  fileNameChars: 1_000,
  favouriteModels: 200,
  /** The picker's "Recently used": most recent first, the oldest dropped. */
  recentModels: 8,
  // An endpoint's id, or the base URL a conversation restored from an export names.
  endpointIdChars: 2_048,
  endpointNameChars: 100,
} as const;
