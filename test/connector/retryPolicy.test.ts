import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../connector/odoo/httpErrors.js";
import {
  defaultRetryOptions,
  OdooAuthError,
  OdooConnectionError,
  OdooProtocolError,
  OdooRateLimitError,
  OdooServerError,
  OdooTimeoutError,
  OdooValidationError,
} from "../../connector/odoo/index.js";
import { retryDelay } from "../../connector/odoo/retryPolicy.js";

const half = () => 0.5;
const transient = new OdooServerError("boom", { httpStatus: 503 });

describe("retryDelay", () => {
  it("draws full jitter under an exponential cap, bounded by maxDelayMs", () => {
    const options = { ...defaultRetryOptions, maxRetries: 8 };
    const caps = [1, 2, 3, 4, 5, 6].map((retry) =>
      retryDelay(transient, retry, true, options, () => 0.999_999),
    );
    expect(caps).toEqual([499, 999, 1999, 3999, 7999, 9999]);
    expect(retryDelay(transient, 1, true, options, () => 0)).toBe(0);
  });

  it("stops after maxRetries", () => {
    expect(retryDelay(transient, 3, true, defaultRetryOptions, half)).toBe(1000);
    expect(retryDelay(transient, 4, true, defaultRetryOptions, half)).toBeUndefined();
  });

  it("never retries client errors or deterministic server errors", () => {
    for (const error of [
      new OdooAuthError("no", { httpStatus: 401 }),
      new OdooValidationError("no", { httpStatus: 422 }),
      new OdooProtocolError("no", { httpStatus: 400 }),
      new OdooServerError("bad field", { httpStatus: 500, exceptionName: "builtins.ValueError" }),
    ]) {
      expect(retryDelay(error, 1, true, defaultRetryOptions, half)).toBeUndefined();
    }
  });

  it("retries a non-idempotent call only when Odoo surely did not get it", () => {
    const refused = new OdooConnectionError("refused", {
      requestSent: false,
      systemCode: "ECONNREFUSED",
    });
    const broken = new OdooConnectionError("reset", {
      requestSent: true,
      systemCode: "ECONNRESET",
    });
    const timedOut = new OdooTimeoutError("slow", { timeoutMs: 100 });
    expect(retryDelay(refused, 1, false, defaultRetryOptions, half)).toBe(250);
    expect(
      retryDelay(new OdooRateLimitError("slow down", {}), 1, false, defaultRetryOptions, half),
    ).toBe(250);
    expect(retryDelay(broken, 1, false, defaultRetryOptions, half)).toBeUndefined();
    expect(retryDelay(timedOut, 1, false, defaultRetryOptions, half)).toBeUndefined();
    expect(retryDelay(transient, 1, false, defaultRetryOptions, half)).toBeUndefined();
    expect(retryDelay(broken, 1, true, defaultRetryOptions, half)).toBe(250);
  });

  it("waits at least Retry-After, and gives up when it is too long", () => {
    const soon = new OdooRateLimitError("429", { retryAfterMs: 5000 });
    const late = new OdooRateLimitError("429", { retryAfterMs: 120_000 });
    expect(retryDelay(soon, 1, true, defaultRetryOptions, half)).toBe(5000);
    expect(retryDelay(late, 1, true, defaultRetryOptions, half)).toBeUndefined();
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
