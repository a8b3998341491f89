/**
 * Where the connector stands: the last finished run, a run waiting or under way, and a failure
 * newer than the last success; from one read of the company's latest runs.
 */
import type { OrmService } from "../odoo/services.js";
import { companyDomain, type DashboardScope } from "./scope.js";

export interface RunRow {
  readonly id: number;
  readonly name: string;
  readonly mode: "full" | "incremental" | "watch" | "requested";
  readonly state: "requested" | "running" | "done" | "failed";
  readonly date_start: string | false;
  readonly date_end: string | false;
  readonly create_date: string;
  readonly product_count: number;
  readonly suggestion_count: number;
  readonly event_count: number;
  readonly error: string | false;
}

export const RUN_FIELDS = [
  "name",
  "mode",
  "state",
  "date_start",
  "date_end",
  "create_date",
  "product_count",
  "suggestion_count",
  "event_count",
  "error",
] as const;

export interface RunStatus {
  readonly lastDone: RunRow | undefined;
  /** Requested from Odoo or running, newer than the last finished run. */
  readonly pending: RunRow | undefined;
  /** Failed after the last finished run. */
  readonly failed: RunRow | undefined;
}

// Enough to find the last success behind a few requests or failures.
const RECENT_RUNS = 10;

export async function loadRunStatus(orm: OrmService, scope: DashboardScope): Promise<RunStatus> {
  const runs = await orm.searchRead<RunRow>(
    "inventory.segment.run",
    companyDomain(scope),
    RUN_FIELDS,
    {
      limit: RECENT_RUNS,
      order: "id desc",
    },
  );
  return runStatusFromRuns(runs);
}

/** Runs newest first. */
export function runStatusFromRuns(runs: readonly RunRow[]): RunStatus {
  const doneIndex = runs.findIndex((run) => run.state === "done");
  const newer = doneIndex === -1 ? runs : runs.slice(0, doneIndex);
  return {
    lastDone: runs[doneIndex],
    pending: newer.find((run) => run.state === "requested" || run.state === "running"),
    failed: newer.find((run) => run.state === "failed"),
  };
}
