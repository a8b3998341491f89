/**
 * A transport carries one call to Odoo over one wire protocol and returns the result in the
 * shapes described in `types.ts`, or throws an `OdooError`. It does one attempt: retries,
 * concurrency and logging live in the client's runner, identical for every transport.
 */
import type { HttpChannel } from "./httpChannel.js";
import type { Redactor } from "./redact.js";
import type { OdooServerVersion, OdooValue, TransportKind } from "./types.js";

export type RpcArguments = { readonly [name: string]: OdooValue | undefined };

export interface RpcCall {
  readonly model: string;
  readonly method: string;
  /** Records the method works on; leave out for `@api.model` methods (search_read, create...). */
  readonly ids?: readonly number[] | undefined;
  /** Named arguments, `context` included. JSON-2 has no positional arguments, so neither do we. */
  readonly kwargs: RpcArguments;
}

export interface OdooTransport {
  readonly kind: TransportKind;
  call(call: RpcCall): Promise<OdooValue>;
  version(): Promise<OdooServerVersion>;
  /** Releases sockets; the transport cannot be used afterwards. */
  close(): void;
}

/** What every transport is built with. */
export interface TransportSettings {
  readonly channel: HttpChannel;
  readonly database: string;
  readonly redact: Redactor;
  /** For `Retry-After` dates. */
  readonly clock: { now(): number };
}
