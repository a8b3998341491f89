/**
 * The insights side of the fake Odoo (see `fakeSegmentation.ts`): purchase orders and the
 * company currency the insights read, and the addon's scorecard, recommendation and cash
 * projection models with the behaviour of their methods in
 * `addon/inventory_segmentation/models/` (scorecards upserted per run and vendor and marked
 * latest; recommendations refreshed by key, a decision kept until the signature changes or the
 * value grows by half, unconfirmed open ones resolved; projection rows replaced per run).
 */
import { contract } from "../../manifest/contract.js";
import { FakeOdooFailure } from "./fakeResponses.js";
import type { FakeField, FakeMethod, FakeModel, FakeStore } from "./fakeStore.js";

type Row = Record<string, unknown>;

const SCORECARD = "inventory.segment.vendor.scorecard";
const RECOMMENDATION = "inventory.segment.recommendation";
const CASH = "inventory.segment.cash.projection";
/** As `REOPEN_VALUE_GROWTH` in the addon. */
const REOPEN_VALUE_GROWTH = 1.5;

function fieldsOf(model: keyof typeof contract.models): Record<string, FakeField> {
  const fields: Record<string, FakeField> = {};
  for (const [name, spec] of Object.entries(contract.models[model].fields)) {
    const field = spec as { type: FakeField["type"]; relation?: string; required?: boolean };
    fields[name] = {
      type: field.type,
      ...(field.relation !== undefined && { relation: field.relation }),
      ...(field.required && { required: true }),
    };
  }
  return fields;
}

/** `[[6, 0, ids]]` as the ids (the only x2many command the connector sends). */
function withIds(vals: Row): Row {
  const result: Row = { ...vals };
  for (const [name, value] of Object.entries(vals)) {
    if (Array.isArray(value) && Array.isArray(value[0]) && value[0][0] === 6) {
      result[name] = [...(value[0][2] as number[])];
    }
  }
  return result;
}

function runOf(store: FakeStore, runId: unknown): Row {
  const run = store.records("inventory.segment.run").find((record) => record.id === runId);
  if (!run) throw new FakeOdooFailure("validation", `There is no segmentation run ${runId}.`);
  return run;
}

/** Marks the rows of `model` of the run's company latest for this run only. */
function markLatest(store: FakeStore, model: string, run: Row): void {
  for (const row of store.records(model)) {
    const latest = row.run_id === run.id;
    if (row.company_id === run.company_id && row.is_latest !== latest) {
      store.write(model, [row.id as number], { is_latest: latest });
    }
  }
}

const recordScorecards: FakeMethod = {
  model: true,
  params: ["run_id", "vals_list"],
  run: ({ store, kwargs }) => {
    const run = runOf(store, kwargs.run_id);
    const ids = (kwargs.vals_list as Row[]).map((given, index) => {
      if (!given.partner_id)
        throw new FakeOdooFailure("validation", `Scorecard ${index} needs a partner_id.`);
      const vals = withIds(given);
      const existing = store
        .records(SCORECARD)
        .find((card) => card.run_id === run.id && card.partner_id === vals.partner_id);
      if (existing) {
        store.write(SCORECARD, [existing.id as number], vals);
        return existing.id as number;
      }
      return store.create(SCORECARD, [
        { ...vals, run_id: run.id, company_id: run.company_id },
      ])[0] as number;
    });
    markLatest(store, SCORECARD, run);
    return ids;
  },
};

const submitRecommendations: FakeMethod = {
  model: true,
  params: ["vals_list"],
  run: ({ store, kwargs, context }) => {
    const company = (context.allowed_company_ids as number[] | undefined)?.[0] ?? 1;
    return (kwargs.vals_list as Row[]).map((given, index) => {
      for (const name of ["key", "rule", "reason"]) {
        if (!given[name])
          throw new FakeOdooFailure("validation", `Recommendation ${index} lacks ${name}.`);
      }
      const vals: Row = { ...given, company_id: given.company_id || company };
      const current = store
        .records(RECOMMENDATION)
        .filter((row) => row.key === vals.key && row.company_id === vals.company_id)
        .sort((a, b) => (b.id as number) - (a.id as number))[0];
      if (current?.state === "open") {
        store.write(RECOMMENDATION, [current.id as number], vals);
        return current.id as number;
      }
      if (
        (current?.state === "done" || current?.state === "dismissed") &&
        (vals.signature ?? "") === (current.signature || "") &&
        Number(vals.value ?? 0) <= REOPEN_VALUE_GROWTH * Math.max(Number(current.value || 0), 0)
      ) {
        return false;
      }
      return store.create(RECOMMENDATION, [
        { ...vals, state: "open", ...(current && { previous_id: current.id }) },
      ])[0] as number;
    });
  },
};

const closeResolved: FakeMethod = {
  model: true,
  params: ["run_id"],
  run: ({ store, kwargs }) => {
    const run = runOf(store, kwargs.run_id);
    const stale = store
      .records(RECOMMENDATION)
      .filter(
        (row) => row.company_id === run.company_id && row.state === "open" && row.run_id !== run.id,
      )
      .map((row) => row.id as number);
    if (stale.length > 0) store.write(RECOMMENDATION, stale, { state: "resolved" });
    return stale.length;
  },
};

function decide(state: "done" | "dismissed"): FakeMethod {
  return {
    run: ({ store, ids }) => {
      const rows = store.records(RECOMMENDATION).filter((row) => ids.includes(row.id as number));
      const wrong = rows.filter((row) => row.state !== "open" && row.state !== state);
      if (wrong.length > 0)
        throw new FakeOdooFailure("validation", "Only open recommendations can be decided.");
      const open = rows.filter((row) => row.state === "open").map((row) => row.id as number);
      if (open.length > 0) store.write(RECOMMENDATION, open, { state });
      return true;
    },
  };
}

const recordCashProjection: FakeMethod = {
  model: true,
  params: ["run_id", "rows"],
  run: ({ store, kwargs }) => {
    const run = runOf(store, kwargs.run_id);
    const old = store
      .records(CASH)
      .filter((row) => row.run_id === run.id)
      .map((row) => row.id as number);
    if (old.length > 0) store.unlink(CASH, old);
    const rows = kwargs.rows as Row[];
    store.create(
      CASH,
      rows.map((row) => ({ ...row, run_id: run.id, company_id: run.company_id })),
    );
    markLatest(store, CASH, run);
    return rows.length;
  },
};

/**
 * Adds to the fake's models what the insights read and write. Called by `segmentationStore`
 * before it builds the store.
 */
export function withInsightModels(models: Record<string, FakeModel>): void {
  const extend = (name: string, fields: Record<string, FakeField>) => {
    const model = models[name] as FakeModel;
    models[name] = { ...model, fields: { ...model.fields, ...fields } };
  };
  extend("res.company", { currency_id: { type: "many2one", relation: "res.currency" } });
  extend("res.partner", { ref: { type: "char" } });
  extend("stock.move", { product_qty: { type: "float" } });
  models["res.currency"] = { fields: { name: { type: "char" } } };
  models["purchase.order"] = {
    fields: {
      partner_id: { type: "many2one", relation: "res.partner" },
      state: { type: "selection" },
      date_approve: { type: "datetime" },
      company_id: { type: "many2one", relation: "res.company" },
      currency_id: { type: "many2one", relation: "res.currency" },
      amount_untaxed: { type: "monetary" },
      currency_rate: { type: "float" },
    },
  };
  models[SCORECARD] = {
    fields: fieldsOf(SCORECARD),
    methods: { record_scorecards: recordScorecards },
  };
  models[RECOMMENDATION] = {
    fields: fieldsOf(RECOMMENDATION),
    methods: {
      submit_recommendations: submitRecommendations,
      close_resolved: closeResolved,
      action_done: decide("done"),
      action_dismiss: decide("dismissed"),
    },
  };
  models[CASH] = {
    fields: fieldsOf(CASH),
    methods: { record_cash_projection: recordCashProjection },
  };
}

/** Gives every company a currency (EUR), as Odoo does. Called after the addon's data. */
export function seedInsightData(store: FakeStore): void {
  const [euro] = store.insert("res.currency", [{ name: "EUR" }]);
  for (const company of store.records("res.company")) {
    store.write("res.company", [company.id as number], { currency_id: euro });
  }
}
