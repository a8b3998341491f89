import type { Redactor } from "./redact.js";
import type { TransportKind } from "./types.js";

/** What an error needs to know about the call that failed. */
export interface RequestContext {
  readonly transport: TransportKind;
  readonly model?: string | undefined;
  readonly method?: string | undefined;
  readonly redact: Redactor;
}
