from odoo import api, fields, models
from odoo.exceptions import UserError

from .access import GROUP_MANAGER, GROUP_USER, check_segmentation_role
from .selection_values import ABC_CLASSES, DEMAND_PATTERNS, XYZ_CLASSES

# What the connector writes (through write_segmentation); the lock is the planner's own.
CONNECTOR_FIELDS = (
    "segment_id",
    "abc_class",
    "xyz_class",
    "demand_pattern",
    "criticality_score",
    "segment_reason",
    "segment_date",
    "segment_deescalation_streak",
    "avg_daily_demand",
    "demand_cv",
    "demand_adi",
    "demand_cv2",
    "lead_time_mean_days",
    "lead_time_sd_days",
    "lead_time_on_time_rate",
    "annual_consumption_value",
    "inventory_value",
    "bom_parent_count",
    "vendor_count",
    "demand_history",
)
SEGMENTATION_FIELDS = frozenset(CONNECTOR_FIELDS) | {"segment_locked"}
# A lock keeps the tier a manager chose; the measurements are still refreshed.
_KEPT_WHEN_LOCKED = frozenset({"segment_id", "segment_date", "segment_deescalation_streak"})
# Context key set by write_segmentation: the connector records its own events.
_FROM_CONNECTOR = "inventory_segmentation_connector"
_DEFER_TAG_SYNC = "inventory_segmentation_defer_tag_sync"


class ProductProduct(models.Model):
    _inherit = "product.product"

    segment_id = fields.Many2one(
        "inventory.segment",
        string="Segment",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        help="Criticality tier computed by the segmentation connector, or set by hand "
        "when the segment is locked.",
    )
    segment_code = fields.Selection(related="segment_id.code", string="Segment Code")
    abc_class = fields.Selection(
        ABC_CLASSES, string="ABC Class", copy=False, help="By annual consumption value."
    )
    xyz_class = fields.Selection(
        XYZ_CLASSES,
        string="XYZ Class",
        copy=False,
        help="By the coefficient of variation of per-period demand.",
    )
    demand_pattern = fields.Selection(
        DEMAND_PATTERNS, copy=False, help="Syntetos–Boylan classification of the demand."
    )
    criticality_score = fields.Float(aggregator="avg", copy=False, digits=(16, 2))
    segment_reason = fields.Text(copy=False, help="Why the product is in its segment.")
    segment_locked = fields.Boolean(
        string="Locked",
        copy=False,
        help="A manager's override: the connector keeps the segment set here "
        "and planners cannot accept suggestions for this product.",
    )
    segment_date = fields.Datetime(string="Segmented On", copy=False)
    segment_deescalation_streak = fields.Integer(
        aggregator=None,
        copy=False,
        help="Consecutive runs that computed a less critical tier than the current one "
        "(hysteresis memory of the connector).",
    )
    avg_daily_demand = fields.Float(
        aggregator="avg", string="Average Daily Demand", copy=False, digits="Product Unit"
    )
    demand_cv = fields.Float(
        aggregator="avg",
        string="Demand CV",
        copy=False,
        digits=(16, 3),
        help="Coefficient of variation of per-period demand.",
    )
    demand_adi = fields.Float(
        aggregator="avg",
        string="ADI",
        copy=False,
        digits=(16, 2),
        help="Average inter-demand interval, in periods.",
    )
    demand_cv2 = fields.Float(
        aggregator="avg",
        string="CV²",
        copy=False,
        digits=(16, 3),
        help="Squared coefficient of variation of the non-zero demand sizes.",
    )
    lead_time_mean_days = fields.Float(
        aggregator="avg", string="Lead Time Mean (days)", copy=False, digits=(16, 1)
    )
    lead_time_sd_days = fields.Float(
        aggregator="avg", string="Lead Time SD (days)", copy=False, digits=(16, 1)
    )
    lead_time_on_time_rate = fields.Float(aggregator="avg", string="On-time Receipts", copy=False)
    annual_consumption_value = fields.Monetary(
        currency_field="cost_currency_id", copy=False, help="Annual demand × unit cost."
    )
    inventory_value = fields.Monetary(
        string="Stock Value",
        currency_field="cost_currency_id",
        copy=False,
        help="Value of the stock on hand in the company's internal locations (quantity × unit "
        "cost), as the connector found it at its last run; the dashboard sums it per ABC × XYZ "
        "class.",
    )
    bom_parent_count = fields.Integer(
        aggregator="avg",
        string="BoM Parents",
        copy=False,
        help="Bills of materials that use this product.",
    )
    vendor_count = fields.Integer(
        aggregator="avg", string="Number of Vendors", copy=False, help="1 means single-sourced."
    )
    demand_history = fields.Json(copy=False, help="Per-period demand for the sparkline.")
    segment_suggestion_ids = fields.One2many(
        "inventory.segment.suggestion",
        "product_id",
        string="Segmentation Suggestions",
        groups=GROUP_USER,
    )
    segment_suggestion_id = fields.Many2one(
        "inventory.segment.suggestion",
        string="Pending Suggestion",
        compute="_compute_segment_suggestion_id",
        groups=GROUP_USER,
        help="The pending suggestion, of the warehouse in context when there is one.",
    )
    segment_suggestion_count = fields.Integer(
        compute="_compute_segment_counts", string="Suggestions", groups=GROUP_USER
    )
    segment_event_count = fields.Integer(
        compute="_compute_segment_counts", string="Segment Events", groups=GROUP_USER
    )

    @api.depends_context("warehouse_id")
    def _compute_segment_suggestion_id(self):
        domain = [("product_id", "in", self._origin.ids), ("state", "=", "pending")]
        warehouse_id = self.env.context.get("warehouse_id")
        if isinstance(warehouse_id, int):
            domain.append(("warehouse_id", "=", warehouse_id))
        pending = {}
        for suggestion in self.env["inventory.segment.suggestion"].search(domain, order="id"):
            pending.setdefault(suggestion.product_id.id, suggestion)
        for product in self:
            product.segment_suggestion_id = pending.get(product._origin.id, False)

    def _compute_segment_counts(self):
        products = self._origin
        suggestions = dict(
            self.env["inventory.segment.suggestion"]._read_group(
                [("product_id", "in", products.ids), ("state", "=", "pending")],
                ["product_id"],
                ["__count"],
            )
        )
        events = dict(
            self.env["inventory.segment.event"]._read_group(
                [("product_id", "in", products.ids)], ["product_id"], ["__count"]
            )
        )
        for product in self:
            product.segment_suggestion_count = suggestions.get(product._origin, 0)
            product.segment_event_count = events.get(product._origin, 0)

    # ----------------------------------------------------------------- writes

    @api.model_create_multi
    def create(self, vals_list):
        # Forms send every field, so only a value actually set counts as setting a segment.
        if any(vals.get(name) for vals in vals_list for name in SEGMENTATION_FIELDS):
            check_segmentation_role(self.env, GROUP_MANAGER, self.env._("set product segments"))
        products = super().create(vals_list)
        products.filtered("segment_id").product_tmpl_id._sync_segment_tags()
        return products

    def write(self, vals):
        touched = SEGMENTATION_FIELDS & vals.keys()
        if not touched:
            result = super().write(vals)
            if "active" in vals:
                self.product_tmpl_id._sync_segment_tags()
            return result
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("set product segments"))
        overrides = {}
        if {"segment_id", "segment_locked"} & touched and not self.env.context.get(_FROM_CONNECTOR):
            overrides = {product: (product.segment_id, product.segment_locked) for product in self}
        # Segmentation fields are governed by the segmentation groups, not by the right to
        # edit products: a Segmentation Manager may set them without being a product manager.
        records = self.sudo() if touched == vals.keys() else self
        result = super(ProductProduct, records).write(vals)
        if overrides:
            self._record_manual_overrides(overrides)
        if "segment_id" in vals and not self.env.context.get(_DEFER_TAG_SYNC):
            self.product_tmpl_id._sync_segment_tags()
        return result

    def _record_manual_overrides(self, before):
        events = []
        for product, (old_segment, was_locked) in before.items():
            if product.segment_id == old_segment and product.segment_locked == was_locked:
                continue
            if product.segment_locked:
                message = self.env._(
                    "%(user)s set the segment of %(product)s to %(segment)s and locked it.",
                    user=self.env.user.name,
                    product=product.display_name,
                    segment=product.segment_id.name or self.env._("none"),
                )
            else:
                message = self.env._(
                    "%(user)s unlocked the segment of %(product)s (%(segment)s); the next run "
                    "recomputes it.",
                    user=self.env.user.name,
                    product=product.display_name,
                    segment=product.segment_id.name or self.env._("none"),
                )
            events.append(
                {
                    "kind": "manual_override",
                    "product_id": product.id,
                    "old_segment_id": old_segment.id,
                    "new_segment_id": product.segment_id.id,
                    "message": message,
                    "company_id": (product.company_id or self.env.company).id,
                }
            )
        if events:
            self.env["inventory.segment.event"].sudo().create(events)

    @api.model
    def write_segmentation(self, rows):
        """The connector's batch write-back: one row ``{"id": product_id, field: value, ...}``
        per product, all in one transaction. A locked product keeps its segment (and the
        hysteresis memory that goes with it) but gets its new measurements.

        Returns ``{"updated": [ids], "locked": [ids whose segment was kept]}``."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("write product segments"))
        if not isinstance(rows, list):
            raise UserError(self.env._("write_segmentation expects a list of rows."))
        allowed = set(CONNECTOR_FIELDS)
        for index, row in enumerate(rows):
            if not isinstance(row, dict) or not isinstance(row.get("id"), int):
                raise UserError(self.env._("Row %s has no integer product id.", index))
            unknown = row.keys() - allowed - {"id"}
            if unknown:
                raise UserError(
                    self.env._(
                        "Row %(index)s (product %(id)s) sets %(fields)s, which the connector "
                        "may not write.",
                        index=index,
                        id=row["id"],
                        fields=", ".join(sorted(unknown)),
                    )
                )
        products = self.with_context(active_test=False).browse([row["id"] for row in rows])
        missing = set(products.ids) - set(products.exists().ids)
        if missing:
            raise UserError(
                self.env._("No product with id %s.", ", ".join(str(i) for i in sorted(missing)))
            )
        # No chatter tracking (these fields are not tracked, but preparing it costs a read per
        # product), and records taken from one recordset so that their reads are batched.
        writer = products.with_context(
            **{_FROM_CONNECTOR: True, _DEFER_TAG_SYNC: True}, tracking_disable=True
        )
        by_id = {product.id: product for product in writer}
        locked = []
        for row in rows:
            product = by_id[row["id"]]
            vals = {name: value for name, value in row.items() if name != "id"}
            if product.segment_locked:
                locked.append(product.id)
                vals = {
                    name: value for name, value in vals.items() if name not in _KEPT_WHEN_LOCKED
                }
            if vals:
                product.write(vals)
        products.product_tmpl_id._sync_segment_tags()
        return {"updated": products.ids, "locked": locked}

    def action_view_segment_events(self):
        return self._segment_action("inventory_segmentation.action_inventory_segment_event")

    def action_view_segment_suggestions(self):
        action = self._segment_action("inventory_segmentation.action_inventory_segment_suggestion")
        action["context"] = {"search_default_filter_pending": 1}
        return action

    def _segment_action(self, xml_id):
        action = self.env["ir.actions.act_window"]._for_xml_id(xml_id)
        action["domain"] = [("product_id", "in", self.ids)]
        action["context"] = {}
        return action
