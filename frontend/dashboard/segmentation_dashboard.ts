/**
 * The "Segmentation" client action (Inventory → Reporting and Inventory → Segmentation): where the
 * risk and the capital sit, by tier and ABC × XYZ class, and the decisions waiting for a planner.
 * Each panel loads its data with one aggregated call, in parallel, and shows its own loading,
 * empty and error state.
 */
import { Component, onMounted, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { ControlPanel } from "@web/search/control_panel/control_panel";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { loadChartLibrary } from "../components/chart-library.js";
import { _t } from "../odoo/l10n.js";
import {
  errorMessage,
  type NotificationService,
  type NotificationType,
  type OrmService,
  useNotifications,
  useOrm,
} from "../odoo/services.js";
import type { TierNames } from "../tiers.js";
import { AbcXyzHeatmap } from "./abc_xyz_heatmap.js";
import { CashProjection } from "./cash_projection.js";
import { CostServiceCurves } from "./cost_service_curves.js";
import { DashboardFilters } from "./dashboard_filters.js";
import {
  loadSegments,
  loadWarehouses,
  type SegmentRow,
  tierNamesFor,
  type WarehouseRow,
} from "./dashboard-setup.js";
import { DemandScatter } from "./demand_scatter.js";
import { EventsFeed } from "./events_feed.js";
import { InventoryFinance } from "./inventory_finance.js";
import { PendingSuggestions } from "./pending_suggestions.js";
import { RunStatus } from "./run_status.js";
import type { DashboardScope } from "./scope.js";
import { TierKpiCards } from "./tier_kpi_cards.js";

/** The client action's tag, bound by `ir.actions.client` in the addon's views. */
export const DASHBOARD_ACTION_TAG = "inventory_segmentation.dashboard";
/** `contract.groups.planner`: may accept and reject suggestions and request a recompute. */
export const PLANNER_GROUP = "inventory_segmentation.group_segmentation_planner";

interface DashboardState {
  scope: DashboardScope;
  /** Bumped to make every panel reload (after a recompute request). */
  revision: number;
  requesting: boolean;
  isPlanner: boolean;
  segments: readonly SegmentRow[];
  warehouses: readonly WarehouseRow[];
  /** Kept in state (not recomputed per render) so that a chart redraws only when they change. */
  tierNames: TierNames;
  /** The role, tiers and warehouses have arrived (the Planner's buttons show from then). */
  setupLoaded: boolean;
}

export class SegmentationDashboard extends Component {
  static override template = "inventory_segmentation.SegmentationDashboard";
  static components = {
    ControlPanel,
    DashboardFilters,
    RunStatus,
    TierKpiCards,
    AbcXyzHeatmap,
    DemandScatter,
    PendingSuggestions,
    EventsFeed,
    CostServiceCurves,
    InventoryFinance,
    CashProjection,
  };
  static override props = { ...standardActionServiceProps };

  private orm!: OrmService;
  private notifications!: NotificationService;
  state!: DashboardState;
  readonly companies = user.activeCompanies;

  override setup(): void {
    this.orm = useOrm();
    this.notifications = useNotifications();
    const company = user.activeCompany;
    this.state = useState<DashboardState>({
      scope: { companyId: company.id, currencyId: company.currency_id, warehouseId: false },
      revision: 0,
      requesting: false,
      isPlanner: false,
      segments: [],
      warehouses: [],
      tierNames: tierNamesFor([], company.id),
      setupLoaded: false,
    });
    let setup: Promise<Partial<DashboardState>> | undefined;
    onWillStart(() => {
      // Nothing awaited: the panels start loading at once, and the charts' library, the role, the
      // tier names and the warehouses arrive alongside (small reads, long before the panels').
      void loadChartLibrary().catch(() => undefined);
      setup = this.loadSetup();
    });
    // Applied once mounted: a change of state before the first paint would make OWL render the
    // panels anew, and load them twice.
    onMounted(async () => {
      Object.assign(this.state, await setup);
    });
  }

  private async loadSetup(): Promise<Partial<DashboardState>> {
    const [isPlanner, segments, warehouses] = await Promise.all([
      user.hasGroup(PLANNER_GROUP).catch(() => false),
      // A user who may not read them sees the panels' own errors; the defaults stand meanwhile.
      loadSegments(this.orm).catch(() => []),
      loadWarehouses(
        this.orm,
        this.companies.map((c) => c.id),
      ).catch(() => []),
    ]);
    return {
      isPlanner,
      segments,
      warehouses,
      tierNames: tierNamesFor(segments, this.state.scope.companyId),
      setupLoaded: true,
    };
  }

  readonly setScope = (scope: DashboardScope): void => {
    const companyChanged = scope.companyId !== this.state.scope.companyId;
    this.state.scope = scope;
    if (companyChanged) this.state.tierNames = tierNamesFor(this.state.segments, scope.companyId);
  };

  /** “Recompute now”: queues a run that the connector picks up at its next poll. */
  async requestRecompute(): Promise<void> {
    this.state.requesting = true;
    try {
      const result = await this.orm.call<{
        params?: { message?: string; type?: NotificationType };
      }>("inventory.segment.run", "action_request_run", [[]], {
        context: { allowed_company_ids: [this.state.scope.companyId] },
      });
      this.notifications.add(result.params?.message ?? _t("Recompute requested."), {
        type: result.params?.type ?? "success",
        title: _t("Recompute now"),
      });
      this.state.revision++;
    } catch (error) {
      this.notifications.add(errorMessage(error), { type: "danger", title: _t("Recompute now") });
    } finally {
      this.state.requesting = false;
    }
  }
}

registry.category("actions").add(DASHBOARD_ACTION_TAG, SegmentationDashboard);
