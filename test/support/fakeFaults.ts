/**
 * Faults the fake server can inject into matching requests, for the connector's fault tests.
 */
import type { OdooRequest, WireProtocol } from "./odooRequest.js";

export type FakeFault =
  /** Close the connection without an answer: `"before"` handling (nothing happened) or `"after"` (the call ran and committed). */
  | { readonly kind: "destroy-socket"; readonly when?: "before" | "after" }
  /** Answer this HTTP status (e.g. 502, 503, 429) with an HTML body, like a proxy would. */
  | {
      readonly kind: "status";
      readonly status: number;
      readonly retryAfter?: string;
      readonly body?: string;
    }
  /** Odoo itself fails: JSON-2 500 with `{name, message}`, XML-RPC fault 1 with a traceback. */
  | { readonly kind: "server-error"; readonly exceptionName?: string; readonly message?: string }
  /** Wait before handling, to trigger client timeouts. */
  | { readonly kind: "delay"; readonly ms: number }
  /** Answer 200 with a truncated JSON/XML body. */
  | { readonly kind: "malformed" }
  /** Treat the credentials as revoked: JSON-2 401, XML-RPC fault 3 (and `authenticate` → false). */
  | { readonly kind: "expired-key" };

export interface FaultMatch {
  readonly protocol?: WireProtocol;
  readonly model?: string;
  readonly method?: string;
}

export interface FaultRule {
  readonly fault: FakeFault;
  readonly match: FaultMatch;
  /** Requests still to hit; `Infinity` for every one. */
  remaining: number;
}

/** Takes the first rule matching `request` (and uses up one of its hits). */
export function takeFault(rules: FaultRule[], request: OdooRequest): FakeFault | undefined {
  const rule = rules.find(
    (candidate) =>
      candidate.remaining > 0 &&
      (candidate.match.protocol === undefined || candidate.match.protocol === request.protocol) &&
      (candidate.match.model === undefined || candidate.match.model === request.model) &&
      (candidate.match.method === undefined || candidate.match.method === request.method),
  );
  if (!rule) return undefined;
  rule.remaining -= 1;
  return rule.fault;
}

export function malformedBody(protocol: WireProtocol): string {
  return protocol === "xmlrpc"
    ? '<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n<value><array><data>\n<value><int>1</int>'
    : '[{"id": 1, "name": "truncat';
}
