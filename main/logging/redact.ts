/**
 * Keeps credentials out of anything shown or written: the known keys themselves, and whatever
 * looks like one in transit (`Bearer …`, an `Authorization` header), whoever echoed it.
 */
const BEARER = /\bBearer\s+[^\s"',;]+/gi;
const AUTHORIZATION_HEADER = /\b(authorization)(["']?\s*[:=]\s*["']?)(?!Bearer\b)[^\s"',;]+/gi;
/** Shorter strings would redact ordinary words; real keys are far longer. */
const MIN_SECRET_CHARS = 8;

export const REDACTED = '[redacted]';

export function redactSecrets(text: string, secrets: Iterable<string | null | undefined> = []): string {
  let safe = text.replace(BEARER, `Bearer ${REDACTED}`).replace(AUTHORIZATION_HEADER, `$1$2${REDACTED}`);
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_CHARS) continue;
    safe = safe.split(secret).join(REDACTED);
  }
  return safe;
}
