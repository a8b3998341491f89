/**
 * Typed Odoo domains (polish notation): a list of conditions `[field, operator, value]` and the
 * prefix operators `'&'`, `'|'` (binary) and `'!'` (unary). Consecutive terms at the top level are
 * implicitly AND-ed, which is why `domainAnd` can simply concatenate normalised domains.
 * Operators are those Odoo 19 accepts (`odoo/orm/domains.py`).
 */
import type { OdooScalar } from "./types.js";

export type DomainOperator =
  | "="
  | "!="
  | "<>"
  | ">"
  | ">="
  | "<"
  | "<="
  | "=?"
  | "in"
  | "not in"
  | "like"
  | "not like"
  | "ilike"
  | "not ilike"
  | "=like"
  | "not =like"
  | "=ilike"
  | "not =ilike"
  | "child_of"
  | "parent_of"
  | "any"
  | "not any";

export type DomainValue = OdooScalar | readonly OdooScalar[];

/** `any`/`not any` take a sub-domain on the related model; every other operator takes a value. */
export type DomainCondition =
  | readonly [
      field: string,
      operator: Exclude<DomainOperator, "any" | "not any">,
      value: DomainValue,
    ]
  | readonly [field: string, operator: "any" | "not any", value: Domain];

export type DomainTerm = DomainCondition | "&" | "|" | "!";
export type Domain = readonly DomainTerm[];

/** Counts the complete expressions at the top level of `domain` (they are implicitly AND-ed). */
function topLevelExpressions(domain: Domain): number {
  let expressions = 0;
  let openSlots = 0;
  for (const term of domain) {
    if (openSlots === 0) expressions += 1;
    else openSlots -= 1;
    if (term === "&" || term === "|") openSlots += 2;
    else if (term === "!") openSlots += 1;
  }
  return expressions;
}

/**
 * Combines domains with AND. Each input may itself hold several implicitly AND-ed expressions.
 * @example domainAnd([["state", "=", "done"]], [["id", ">", 100]])
 */
export function domainAnd(...domains: readonly Domain[]): Domain {
  return domains.flat();
}

/**
 * Combines domains with OR; each input is first closed into a single expression.
 * An empty input domain matches everything, so the result does too.
 */
export function domainOr(...domains: readonly Domain[]): Domain {
  if (domains.some((domain) => domain.length === 0)) return [];
  const closed = domains.map(closeDomain);
  const operators: DomainTerm[] = Array.from({ length: Math.max(closed.length - 1, 0) }, () => "|");
  return [...operators, ...closed.flat()];
}

/** Turns a domain with several implicit-AND expressions into one explicit expression. */
function closeDomain(domain: Domain): Domain {
  const count = topLevelExpressions(domain);
  if (count <= 1) return domain;
  const operators: DomainTerm[] = Array.from({ length: count - 1 }, () => "&");
  return [...operators, ...domain];
}
