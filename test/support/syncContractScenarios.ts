/**
 * The sync's conversations with Odoo, recorded from a live Odoo 19 with the addon by
 * `scripts/record-odoo-fixtures.ts` and replayed in CI (`test/connector/sync-contract.test.ts`):
 * - a dry-run full sync of the demo database: every read the extraction makes, with the real
 *   answers (settings, warehouses, units, products, grouped demand, receipts, quants, BoMs…);
 * - the write-back methods of the addon, called as a run calls them, with fixed values.
 * Both run once per transport and must give the same outcome. Requests must not depend on the
 * time or on random keys, so that replay finds the recorded answers: the clock and the as-of day
 * are fixed, and the write-back uses a run key per transport.
 */

import { type CompanyScope, companyContext } from "../../connector/extract/scope.js";
import { readSettings } from "../../connector/extract/settings.js";
import type { OdooClient } from "../../connector/odoo/index.js";
import type { SyncSummary } from "../../connector/sync/summary.js";
import { runSync } from "../../connector/sync/sync.js";
import type { Proposal } from "../../connector/writeback/proposals.js";
import {
  applyAutomatically,
  recordEvents,
  submitProposals,
  upsertKpis,
  writeSegmentation,
} from "../../connector/writeback/write.js";
import type { ContractScenario } from "./contractScenarios.js";

/** The day the recorded dry run plans for (the demo data's moves lie in the two years before). */
const RECORDED_AS_OF = "2026-11-25";
const RECORDED_CLOCK = Date.parse(`${RECORDED_AS_OF}T02:00:00Z`);

function scopeOf(companyId: number): CompanyScope {
  return {
    companyId,
    context: companyContext(companyId),
    warehouses: [],
    warehouseOfLocation: new Map(),
  };
}

/** Scenarios that only read: recorded with the other read scenarios, before anything is written. */
export const SYNC_READ_SCENARIOS: readonly ContractScenario[] = [
  {
    name: "sync: a dry-run full sync of the demo database",
    run: (odoo) =>
      runSync(odoo, {
        mode: "full",
        dryRun: true,
        asOfDay: RECORDED_AS_OF,
        clock: () => RECORDED_CLOCK,
        stateDir: null,
        connection: { url: "recorded", database: "recorded" },
      }),
    comparable: (value) => {
      const { seconds: _seconds, requests: _requests, ...summary } = value as SyncSummary;
      return summary;
    },
  },
];

/**
 * Scenarios that write (segments of two products, an event, suggestions, a run): recorded last,
 * once per transport, so that no read scenario sees their writes.
 */
export const SYNC_WRITE_SCENARIOS: readonly ContractScenario[] = [
  {
    name: "sync: the write-back methods, as a run calls them",
    run: async (odoo: OdooClient) => {
      const settings = await readSettings(odoo, {});
      const scope = scopeOf(settings.companyId);
      const key = `contract-test-${odoo.transport}`;
      const productIds = await odoo.search("product.product", [["is_storable", "=", true]], {
        order: "id",
        limit: 2,
        context: scope.context,
      });
      const [warehouse] = await odoo.searchRead("stock.warehouse", [], {
        fields: ["lot_stock_id"],
        order: "id",
        limit: 1,
        context: scope.context,
      });
      const stockLocation = Number((warehouse?.lot_stock_id as [number, string] | undefined)?.[0]);
      const critical = settings.tiers.critical.id;
      const [runId = 0] = await odoo.create(
        "inventory.segment.run",
        [
          {
            mode: "full",
            state: "running",
            date_start: "2026-11-25 02:00:00",
            connector_run_key: key,
            connector_version: "invseg contract test",
            company_id: settings.companyId,
            product_baseline: { taken_at: "2026-11-25 02:00:00", products: {} },
          },
        ],
        { context: scope.context },
      );
      const segmentation = await writeSegmentation(
        odoo,
        scope,
        productIds.map((id, index) => ({
          id,
          segment_id: critical,
          abc_class: "A",
          xyz_class: "Y",
          demand_pattern: "erratic",
          criticality_score: 70 + index,
          segment_reason: "critical: contract test",
          segment_date: "2026-11-25 02:00:00",
          segment_deescalation_streak: 0,
          avg_daily_demand: 1.5,
          demand_cv: 0.8,
          demand_adi: 1.1,
          demand_cv2: 0.3,
          lead_time_mean_days: 12.5,
          lead_time_sd_days: 2,
          lead_time_on_time_rate: 0.75,
          annual_consumption_value: 1234.56,
          bom_parent_count: 1,
          vendor_count: 1,
          demand_history: { period: "week", start: "2026-W40", values: [1, 0, 2.5] },
        })),
      );
      const events = await recordEvents(
        odoo,
        scope,
        [
          {
            date: "2026-11-25 02:00:00",
            kind: "segment_change",
            severity: "warning",
            product_id: productIds[0] ?? false,
            old_segment_id: settings.tiers.standard.id,
            new_segment_id: critical,
            metric_values: { criticality_score: 70, demand_pattern: "erratic" },
            message: "contract test: raised from Standard to Critical",
            company_id: settings.companyId,
            dedup_key: `${key}:event`,
          },
        ],
        runId,
      );
      const proposals: Proposal[] = productIds.map((productId, index) => ({
        productId,
        locationId: stockLocation,
        tier: "critical",
        vals: {
          product_id: productId,
          location_id: stockLocation,
          company_id: settings.companyId,
          segment_id: critical,
          suggested_min: 10 + index,
          suggested_max: 30 + index,
          safety_stock: 4,
          service_target: 0.99,
          value_delta: 120.5,
          reason: "contract test proposal",
        },
      }));
      const submitted = await submitProposals(odoo, scope, proposals, runId, () => false);
      const pending = await odoo.search(
        "inventory.segment.suggestion",
        [
          ["state", "=", "pending"],
          ["product_id", "in", productIds],
          ["location_id", "=", stockLocation],
        ],
        { order: "id", context: scope.context },
      );
      const autoApplied = await applyAutomatically(odoo, scope, pending);
      await upsertKpis(odoo, scope, runId, [
        {
          segment_id: critical,
          warehouse_id: false,
          item_count: 2,
          inventory_value: 500,
          excess_value: 0,
          carrying_cost: 125,
          service_target: 0.99,
          stockout_count: 0,
          turns: 2.5,
        },
      ]);
      await odoo.write(
        "inventory.segment.run",
        [runId],
        { state: "done", date_end: "2026-11-25 02:05:00", product_count: 2 },
        { context: scope.context },
      );
      const [run] = await odoo.read("inventory.segment.run", [runId], {
        fields: ["state", "connector_run_key", "kpi_ids", "product_baseline"],
        context: scope.context,
      });
      return { segmentation, events, submitted, pending: pending.length, autoApplied, run };
    },
    comparable: (value) => {
      const outcome = value as {
        run: { connector_run_key: string; kpi_ids: number[] };
      } & Record<string, unknown>;
      const {
        id: _id,
        connector_run_key: _key,
        kpi_ids,
        ...run
      } = outcome.run as Record<string, unknown> & { kpi_ids: number[] };
      return { ...outcome, run: { ...run, kpis: kpi_ids.length } };
    },
  },
];

export const SYNC_CONTRACT_SCENARIOS: readonly ContractScenario[] = [
  ...SYNC_READ_SCENARIOS,
  ...SYNC_WRITE_SCENARIOS,
];
