/**
 * The product form's segmentation summary (widget `inventory_segmentation_product_segment` on
 * `segment_suggestion_id`): the tier badge and classes, the demand sparkline over the history
 * window, the current reordering rule against the pending suggestion, and the reason. Everything
 * comes with the form's own read: the suggestion's figures through `relatedFields`, the product's
 * through `fieldDependencies`.
 */
import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";
import type { DemandHistory } from "../../manifest/contract.js";
import { Sparkline } from "../components/sparkline.js";
import { TierBadge } from "../components/tier_badge.js";
import { formatDecimal, formatQuantity, formatShare } from "../format.js";
import { readDemandHistory } from "../odoo/json-fields.js";
import { _t } from "../odoo/l10n.js";
import { type DemandSummary, summarizeDemand } from "./demand-history.js";

interface NamedValue {
  readonly id: number;
  readonly display_name: string;
}

/** The pending suggestion as the form reads it (`relatedFields`). */
export interface SuggestionValue extends NamedValue {
  readonly current_min: number;
  readonly current_max: number;
  readonly suggested_min: number;
  readonly suggested_max: number;
  readonly safety_stock: number;
  readonly service_target: number;
  readonly reason: string | false;
  readonly warehouse_id: NamedValue | false;
}

export interface ProductSegmentRecord {
  readonly data: {
    readonly segment_suggestion_id: SuggestionValue | false;
    readonly segment_id: NamedValue | false;
    readonly segment_code: string | false;
    readonly segment_reason: string | false;
    readonly segment_locked: boolean;
    readonly abc_class: string | false;
    readonly xyz_class: string | false;
    readonly demand_pattern: string | false;
    readonly demand_history: unknown;
    readonly uom_id: NamedValue | false;
  };
  readonly fields: Readonly<Record<string, { readonly selection?: readonly [string, string][] }>>;
}

export class ProductSegmentField extends Component<{ record: ProductSegmentRecord; name: string }> {
  static override template = "inventory_segmentation.ProductSegmentField";
  static components = { Sparkline, TierBadge };
  static override props = { ...standardFieldProps };

  get product(): ProductSegmentRecord["data"] {
    return this.props.record.data;
  }

  get suggestion(): SuggestionValue | false {
    return this.product.segment_suggestion_id;
  }

  get history(): DemandHistory | undefined {
    return readDemandHistory(this.product.demand_history);
  }

  get summary(): DemandSummary | undefined {
    const history = this.history;
    return history ? summarizeDemand(history) : undefined;
  }

  get classes(): string {
    const { abc_class, xyz_class } = this.product;
    return abc_class && xyz_class ? `${abc_class}${xyz_class}` : "";
  }

  get pattern(): string {
    const { demand_pattern } = this.product;
    if (!demand_pattern) return "";
    const selection = this.props.record.fields.demand_pattern?.selection ?? [];
    const label = selection.find(([value]) => value === demand_pattern)?.[1] ?? demand_pattern;
    return _t("%s demand", label);
  }

  get historyLabel(): string {
    const summary = this.summary;
    if (!summary) return "";
    const unit = summary.period === "week" ? _t("Weekly demand") : _t("Monthly demand");
    return summary.last
      ? _t("%(unit)s, %(first)s to %(last)s", { unit, first: summary.first, last: summary.last })
      : _t("%(unit)s from %(first)s", { unit, first: summary.first });
  }

  get historyFacts(): string {
    const summary = this.summary;
    if (!summary) return "";
    const uom = this.product.uom_id ? this.product.uom_id.display_name : "";
    return _t(
      "Average %(average)s %(uom)s, peak %(peak)s, %(idle)s of %(periods)s periods without demand",
      {
        average: formatDecimal(summary.average),
        uom,
        peak: formatQuantity(summary.peak),
        idle: summary.idlePeriods,
        periods: summary.periods,
      },
    );
  }

  quantity(value: number): string {
    return formatQuantity(value);
  }

  share(value: number): string {
    return formatShare(value);
  }

  /** An arrow saying which way the suggestion moves a quantity. */
  direction(current: number, suggested: number): string {
    if (suggested > current) return "fa fa-caret-up";
    if (suggested < current) return "fa fa-caret-down";
    return "";
  }
}

registry.category("fields").add("inventory_segmentation_product_segment", {
  component: ProductSegmentField,
  displayName: _t("Segmentation summary"),
  supportedTypes: ["many2one"],
  relatedFields: [
    { name: "current_min", type: "float" },
    { name: "current_max", type: "float" },
    { name: "suggested_min", type: "float" },
    { name: "suggested_max", type: "float" },
    { name: "safety_stock", type: "float" },
    { name: "service_target", type: "float" },
    { name: "reason", type: "text" },
    { name: "warehouse_id", type: "many2one" },
  ],
  fieldDependencies: [
    { name: "segment_id", type: "many2one" },
    { name: "segment_code", type: "selection" },
    { name: "segment_reason", type: "text" },
    { name: "segment_locked", type: "boolean" },
    { name: "abc_class", type: "selection" },
    { name: "xyz_class", type: "selection" },
    { name: "demand_pattern", type: "selection" },
    { name: "demand_history", type: "json" },
    { name: "uom_id", type: "many2one" },
  ],
});
