/**
 * The Odoo connector's wire layer: configuration, transports (JSON-2, XML-RPC), the typed client
 * and its errors. See `client.ts` for the client's methods.
 */

export type {
  CallOptions,
  ContextOption,
  CreateOptions,
  FieldsGetOptions,
  ReadGroupOptions,
  SearchOptions,
  SearchReadOptions,
  WriteOptions,
} from "./client.js";
export { OdooClient } from "./client.js";
export type { Clock } from "./clock.js";
export { systemClock } from "./clock.js";
export type { ConfigIssue, ConnectionConfig, TransportChoice } from "./config.js";
export { ConnectionConfigError, loadConnectionConfig, redactedConfig } from "./config.js";
export type { OdooClientOptions } from "./connect.js";
export { chooseTransport, connectOdoo, JSON2_SINCE_MAJOR } from "./connect.js";
export type { Domain, DomainCondition, DomainOperator, DomainTerm, DomainValue } from "./domain.js";
export { domainAnd, domainOr } from "./domain.js";
export type { OdooErrorCode, OdooErrorDetails } from "./errors.js";
export {
  isOdooError,
  OdooAccessError,
  OdooAuthError,
  OdooConnectionError,
  OdooError,
  OdooNotFoundError,
  OdooProtocolError,
  OdooRateLimitError,
  OdooServerError,
  OdooTimeoutError,
  OdooTlsError,
  OdooValidationError,
} from "./errors.js";
export type { OdooLogger, RequestSummary } from "./logger.js";
export type { MethodStats } from "./requestStats.js";
export { RequestStats } from "./requestStats.js";
export type { RetryOptions } from "./retryPolicy.js";
export { defaultRetryOptions } from "./retryPolicy.js";
export type { OdooTransport, RpcArguments, RpcCall } from "./transport.js";
export type {
  Many2oneValue,
  OdooContext,
  OdooFieldDescription,
  OdooGroup,
  OdooRecord,
  OdooScalar,
  OdooServerVersion,
  OdooVals,
  OdooValue,
  TransportKind,
} from "./types.js";
