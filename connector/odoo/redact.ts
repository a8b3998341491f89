/**
 * Scrubs credentials from any text that may reach a log or an error message. Odoo does not echo
 * keys or passwords back, but proxies and future server versions might; this is the last guard.
 */
export type Redactor = (text: string) => string;

const REDACTED = "[redacted]";
const BEARER = /\b(bearer)\s+[^\s"',;]+/gi;

/** Builds a redactor that removes each given secret and any `bearer <token>` it meets. */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  // Very short "secrets" would shred ordinary words; Odoo keys are 40 characters.
  const known = secrets.filter((secret): secret is string => !!secret && secret.length >= 4);
  return (text) => {
    let clean = text.replace(BEARER, `$1 ${REDACTED}`);
    for (const secret of known) clean = clean.split(secret).join(REDACTED);
    return clean;
  };
}
