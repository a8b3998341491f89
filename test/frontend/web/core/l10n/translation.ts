/** `@web/core/l10n/translation`: `_t` without translations, with Odoo's `%s` / `%(name)s` substitutions. */
export function _t(source: string, ...substitutions: unknown[]): string {
  const [first] = substitutions;
  if (typeof first === "object" && first !== null && !Array.isArray(first)) {
    const named = first as Record<string, unknown>;
    return source.replace(/%\((\w+)\)s/g, (_match, key: string) => String(named[key]));
  }
  let index = 0;
  return source.replace(/%s/g, () => String(substitutions[index++]));
}
