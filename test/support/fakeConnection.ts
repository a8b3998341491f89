/**
 * Helpers to point the real client at the fake server in tests.
 */
import type { Clock, ConnectionConfig, TransportChoice } from "../../connector/odoo/index.js";
import type { FakeOdoo } from "./fakeOdoo.js";

/** A `ConnectionConfig` for `fake` (API key and login set, short timeout, no retries unless overridden). */
export function fakeConfig(
  fake: FakeOdoo,
  transport: TransportChoice,
  overrides: Partial<ConnectionConfig> = {},
): ConnectionConfig {
  return {
    url: fake.url,
    database: fake.db,
    apiKey: fake.apiKey,
    login: fake.login,
    transport,
    timeoutMs: 5_000,
    maxRetries: 0,
    concurrency: 4,
    insecureTls: false,
    ...overrides,
  };
}

/** A clock whose `sleep` returns at once and remembers each delay: backoff checked without waiting. */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  #time = Date.UTC(2025, 0, 1);

  now(): number {
    return this.#time;
  }

  sleep(milliseconds: number): Promise<void> {
    this.sleeps.push(milliseconds);
    this.#time += milliseconds;
    return Promise.resolve();
  }
}
