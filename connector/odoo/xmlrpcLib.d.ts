// Types for the parts of the `xmlrpc` package used directly: its serializer and its SAX-based
// deserializer (the package's own HTTP client has no timeout or abort, so we bring our own).
declare module "xmlrpc/lib/serializer.js" {
  export function serializeMethodCall(
    method: string,
    params: readonly unknown[],
    encoding?: string,
  ): string;
  export function serializeMethodResponse(value: unknown): string;
  export function serializeFault(fault: {
    faultCode: number | string;
    faultString: string;
  }): string;
}

declare module "xmlrpc/lib/deserializer.js" {
  import type { Readable } from "node:stream";

  interface XmlRpcFault extends Error {
    faultCode?: number | string;
    faultString?: string;
  }

  class Deserializer {
    constructor(encoding?: string);
    /** Handlers called per closing tag; overridable per instance. */
    push(value: unknown): void;
    endI8(data: string): void;
    endDateTime(data: string): void;
    endBase64(data: string): void;
    value: boolean;
    deserializeMethodResponse(
      stream: Readable,
      callback: (error: XmlRpcFault | null | undefined, value?: unknown) => void,
    ): void;
    deserializeMethodCall(
      stream: Readable,
      callback: (error: Error | null | undefined, method?: string, params?: unknown[]) => void,
    ): void;
  }
  export = Deserializer;
}
