/**
 * How each criticality tier looks: the same Bootstrap contextual colour as the addon's list
 * badges (`decoration-danger` for critical, `-warning` essential, `-info` standard, `-muted`
 * obsolete), so a tier reads the same in lists, forms and charts, in light and dark themes.
 */
import { TIERS, type Tier } from "../analytics/types.js";

export { TIERS, type Tier };

type Tone = "danger" | "warning" | "info" | "secondary";

const TIER_TONE: Readonly<Record<Tier, Tone>> = {
  critical: "danger",
  essential: "warning",
  standard: "info",
  obsolete: "secondary",
};

// On a canvas: the tone's colour, except obsolete, whose "secondary" is a background grey in
// Odoo's theme; a mid grey reads on both themes. Fallbacks are Odoo 19's light values (tests).
const CHART_COLOR: Readonly<Record<Tone, { property: string; fallback: string }>> = {
  danger: { property: "danger", fallback: "#dc3545" },
  warning: { property: "warning", fallback: "#ffac00" },
  info: { property: "info", fallback: "#17a2b8" },
  secondary: { property: "gray-600", fallback: "#6c757d" },
};

export function isTier(code: unknown): code is Tier {
  return TIERS.some((tier) => tier === code);
}

/** Classes of a tier's badge: filled with the tier colour and a readable text colour. */
export function tierBadgeClass(tier: Tier): string {
  return `text-bg-${TIER_TONE[tier]}`;
}

/**
 * A tier's colour for a canvas, read from the theme's custom properties (`--danger`, ...) so that
 * charts follow the light or dark theme.
 */
export function tierColor(tier: Tier, style: CSSStyleDeclaration | undefined): string {
  const { property, fallback } = CHART_COLOR[TIER_TONE[tier]];
  return themeProperty(style, property) || fallback;
}

/**
 * A Bootstrap custom property of the page. Odoo compiles Bootstrap with an empty prefix
 * (`--danger`, `--border-color`); stock Bootstrap's `--bs-` prefix is read as well.
 */
export function themeProperty(style: CSSStyleDeclaration | undefined, name: string): string {
  if (style === undefined) return "";
  return (
    style.getPropertyValue(`--${name}`).trim() || style.getPropertyValue(`--bs-${name}`).trim()
  );
}

/** Each tier's name as its segment record calls it (translated, and renamable by managers). */
export type TierNames = Readonly<Record<Tier, string>>;
