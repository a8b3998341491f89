/**
 * Values as Odoo sends them, after both transports are normalised to the same shapes:
 * dates and datetimes are strings (`'YYYY-MM-DD'`, `'YYYY-MM-DD HH:MM:SS'`, UTC), an empty field is
 * `false`, a many2one is `[id, displayName]`, x2many fields are id arrays, binaries are base64.
 */
export type OdooScalar = string | number | boolean | null;
export type OdooValue = OdooScalar | readonly OdooValue[] | { readonly [key: string]: OdooValue };

/** A many2one value as read: `[id, displayName]`, or `false` when empty. */
export type Many2oneValue = readonly [id: number, displayName: string] | false;

/** One record as returned by `search_read`/`read`: always carries its `id`. */
export interface OdooRecord {
  readonly id: number;
  readonly [field: string]: OdooValue;
}

/** One group from `formatted_read_group`: groupby keys, `'field:agg'` keys, `__count`, `__extra_domain`. */
export type OdooGroup = { readonly [key: string]: OdooValue };

/** Values for `create`/`write`. `undefined` members are dropped before sending. */
export type OdooVals = { readonly [field: string]: OdooValue | undefined };

/** Context keys passed with a call (`lang`, `tz`, `active_test`, `allowed_company_ids`...). */
export type OdooContext = { readonly [key: string]: OdooValue };

export type TransportKind = "json2" | "xmlrpc";

/** The server's version as reported by `/web/version` or `/xmlrpc/2/common` `version`. */
export interface OdooServerVersion {
  /** e.g. `"19.0"` or `"saas~18.4"`. */
  readonly version: string;
  readonly major: number;
  readonly minor: number;
  /** Odoo's `version_info`, e.g. `[19, 0, 0, "final", 0, ""]`. */
  readonly info: readonly (string | number)[];
}

/** A field as described by `fields_get` (only the attributes asked for are present). */
export interface OdooFieldDescription {
  readonly type?: string;
  readonly string?: string;
  readonly relation?: string;
  readonly required?: boolean;
  readonly readonly?: boolean;
  readonly store?: boolean;
  readonly selection?: readonly (readonly [string, string])[] | false;
  readonly [attribute: string]: OdooValue | undefined;
}
