/**
 * The addon's `inventory.segment.run.watch_poll` for the fake Odoo (`fakeSegmentation.ts`): one
 * request reads the watched models' changes, the requested runs and the watch's own run, and
 * returns the server's time; with `beat`, it touches the running run.
 */
import { FakeOdooFailure } from "./fakeResponses.js";
import type { FakeMethod } from "./fakeStore.js";

const WATCHED = new Set(["stock.move", "stock.quant", "product.supplierinfo"]);
const RUN = "inventory.segment.run";

export const watchPoll: FakeMethod = {
  model: true,
  params: ["run_id", "reads", "beat"],
  run: ({ store, kwargs, context }) => {
    const reads = (kwargs.reads ?? {}) as Record<
      string,
      { domain?: unknown[]; fields?: string[]; limit?: number }
    >;
    const unknown = Object.keys(reads).filter((model) => !WATCHED.has(model));
    if (unknown.length > 0)
      throw new FakeOdooFailure(
        "validation",
        `watch_poll reads only ${[...WATCHED].sort().join(", ")}.`,
      );
    const serverTime = store.now();
    const changes: Record<string, unknown> = {};
    for (const [model, spec] of Object.entries(reads)) {
      changes[model] = store.dispatch(model, "search_read", undefined, [], {
        domain: spec.domain ?? [],
        fields: spec.fields ?? ["write_date"],
        limit: spec.limit ?? false,
        order: "write_date asc, id asc",
        context: { ...context, active_test: false },
      });
    }
    const runId = kwargs.run_id as number;
    const runs = store.dispatch(RUN, "search_read", undefined, [], {
      domain: ["|", ["state", "=", "requested"], ["id", "=", runId]],
      fields: ["name", "state", "write_date"],
      order: "id asc",
      context,
    }) as { id: number; state: string }[];
    if (kwargs.beat && runs.some((run) => run.id === runId && run.state === "running"))
      store.write(RUN, [runId], { state: "running" });
    return { server_time: serverTime, changes, runs };
  },
};
