from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .access import (
    GROUP_MANAGER,
    GROUP_PLANNER,
    check_segmentation_role,
    has_segmentation_role,
)
from .changed_values import changed_values

# Fields that only Accept, Reject, or a newer proposal may change.
_DECISION_FIELDS = {"state", "decision_user_id", "decision_date", "auto_applied"}
# Fields of a submitted proposal that describe it without making it a different proposal.
_PROPOSAL_DETAIL_FIELDS = (
    "current_min",
    "current_max",
    "safety_stock",
    "service_target",
    "value_delta",
    "reason",
    "segment_id",
    "run_id",
)
# Context key set by the methods below; writes without it cannot change the decision fields.
_DECIDING = "inventory_segmentation_deciding"


class InventorySegmentSuggestion(models.Model):
    _name = "inventory.segment.suggestion"
    _description = "Reordering Rule Suggestion"
    _order = "id desc"
    _check_company_auto = True

    product_id = fields.Many2one(
        "product.product", required=True, index=True, ondelete="cascade", check_company=True
    )
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", string="Product Template"
    )
    location_id = fields.Many2one(
        "stock.location",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('usage', '=', 'internal')]",
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        compute="_compute_warehouse_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    orderpoint_id = fields.Many2one(
        "stock.warehouse.orderpoint",
        string="Reordering Rule",
        ondelete="set null",
        check_company=True,
    )
    segment_id = fields.Many2one("inventory.segment", ondelete="set null", check_company=True)
    segment_code = fields.Selection(related="segment_id.code")
    run_id = fields.Many2one(
        "inventory.segment.run", index="btree_not_null", ondelete="set null", check_company=True
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    currency_id = fields.Many2one(related="company_id.currency_id")
    current_min = fields.Float(digits="Product Unit", string="Current Min")
    current_max = fields.Float(digits="Product Unit", string="Current Max")
    suggested_min = fields.Float(digits="Product Unit", required=True, string="Suggested Min")
    suggested_max = fields.Float(digits="Product Unit", required=True, string="Suggested Max")
    min_delta = fields.Float(
        digits="Product Unit", compute="_compute_deltas", store=True, string="Min Change"
    )
    max_delta = fields.Float(
        digits="Product Unit", compute="_compute_deltas", store=True, string="Max Change"
    )
    safety_stock = fields.Float(digits="Product Unit")
    service_target = fields.Float(aggregator="avg")
    value_delta = fields.Monetary(
        string="Value Impact",
        help="Expected change of the average inventory value if the suggestion is accepted.",
    )
    reason = fields.Text()
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
            ("superseded", "Superseded"),
        ],
        required=True,
        default="pending",
        index=True,
        readonly=True,
    )
    auto_applied = fields.Boolean(readonly=True, help="Accepted automatically (auto-apply tier).")
    decision_user_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    decision_date = fields.Datetime(string="Decided On", readonly=True)
    decision_note = fields.Char(string="Note")

    _one_pending_per_location = models.UniqueIndex(
        "(product_id, location_id, company_id) WHERE state = 'pending'",
        "There is already a pending suggestion for this product and location; "
        "submit new proposals with submit_pending, which supersedes it.",
    )

    @api.depends("location_id")
    def _compute_warehouse_id(self):
        for suggestion in self:
            suggestion.warehouse_id = suggestion.location_id.warehouse_id

    @api.depends("current_min", "current_max", "suggested_min", "suggested_max")
    def _compute_deltas(self):
        for suggestion in self:
            suggestion.min_delta = suggestion.suggested_min - suggestion.current_min
            suggestion.max_delta = suggestion.suggested_max - suggestion.current_max

    @api.depends("product_id", "location_id")
    def _compute_display_name(self):
        for suggestion in self:
            suggestion.display_name = self.env._(
                "%(product)s at %(location)s",
                product=suggestion.product_id.display_name,
                location=suggestion.location_id.display_name,
            )

    # ------------------------------------------------------------------ guards

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            decision_set = (_DECISION_FIELDS - {"state"}) & vals.keys()
            if vals.get("state", "pending") != "pending" or decision_set:
                raise UserError(self.env._("A new suggestion is always pending."))
        return super().create(vals_list)

    def write(self, vals):
        if _DECISION_FIELDS & vals.keys() and not self.env.context.get(_DECIDING):
            raise UserError(
                self.env._(
                    "The state of a suggestion changes only through Accept, Reject, "
                    "or a newer proposal for the same product and location."
                )
            )
        if {"suggested_min", "suggested_max"} & vals.keys():
            decided = self.filtered(lambda s: s.state != "pending")
            if decided:
                raise UserError(
                    self.env._("Only pending suggestions can be edited.")
                    + "\n"
                    + self._describe_problems(decided, lambda s: s._state_problem())
                )
        return super().write(vals)

    # ---------------------------------------------------------------- decisions

    def action_accept(self):
        """Apply each pending suggestion to its reordering rule, all or nothing.
        Suggestions already accepted are left as they are, so a retry is harmless."""
        to_accept = self._to_decide("accepted", self.env._("accept suggestions"))
        if not has_segmentation_role(self.env, GROUP_MANAGER):
            locked = to_accept.filtered("product_id.segment_locked")
            if locked:
                raise AccessError(
                    self.env._(
                        "The segment of %(products)s is locked; only a Segmentation Manager "
                        "can accept its suggestions.",
                        products=", ".join(locked.product_id.mapped("display_name")),
                    )
                )
        unfit = to_accept.filtered(lambda s: s._acceptance_problem())
        if unfit:
            raise UserError(self._describe_problems(unfit, lambda s: s._acceptance_problem()))
        to_accept._accept(auto_applied=False)
        return self._notification(
            self.env._("%s reordering rule(s) updated.", len(to_accept)), "success"
        )

    def action_reject(self):
        """Reject pending suggestions; those already rejected are left as they are."""
        to_reject = self._to_decide("rejected", self.env._("reject suggestions"))
        to_reject._record_decision("rejected")
        return self._notification(self.env._("%s suggestion(s) rejected.", len(to_reject)), "info")

    def _to_decide(self, target_state, action):
        """The suggestions a Planner's decision moves to ``target_state``: those already there
        are skipped (a retried call is harmless), any other decided one is refused."""
        check_segmentation_role(self.env, GROUP_PLANNER, action)
        self.check_access("write")
        to_decide = self.filtered(lambda s: s.state != target_state)
        decided = to_decide.filtered(lambda s: s.state != "pending")
        if decided:
            raise UserError(self._describe_problems(decided, lambda s: s._state_problem()))
        return to_decide

    def action_auto_apply(self):
        """Accept those suggestions whose tier is flagged auto-apply, whose product is not
        locked and that can be applied as they are; the others wait for a planner.
        Returns the ids applied."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("auto-apply suggestions"))
        self.check_access("write")
        eligible = self.filtered(
            lambda s: s.state == "pending"
            and s.segment_id.auto_apply
            and not s.product_id.segment_locked
            and not s._acceptance_problem()
        )
        eligible._accept(auto_applied=True)
        return eligible.ids

    def _accept(self, auto_applied):
        orderpoints = self._upsert_orderpoints()
        for suggestion in self:
            suggestion._record_decision(
                "accepted",
                orderpoint_id=orderpoints[suggestion._location_key()].id,
                auto_applied=auto_applied,
            )

    def _record_decision(self, state, **extra):
        self.with_context(**{_DECIDING: True}).write(
            {
                "state": state,
                "decision_user_id": self.env.uid,
                "decision_date": fields.Datetime.now(),
                **extra,
            }
        )

    def _location_key(self):
        return (self.product_id.id, self.location_id.id, self.company_id.id)

    def _upsert_orderpoints(self):
        """Create or update the one orderpoint per (product, location, company) that the
        unique constraint allows, archived ones included; new ones are created in one batch
        per company. Returns the orderpoints by that key."""
        # The planner's right is checked by the callers; orderpoints need Inventory
        # Administrator, which planners need not be.
        orderpoints = self.env["stock.warehouse.orderpoint"].sudo().with_context(active_test=False)
        existing = {
            (op.product_id.id, op.location_id.id, op.company_id.id): op
            for op in orderpoints.search(
                [
                    ("product_id", "in", self.product_id.ids),
                    ("location_id", "in", self.location_id.ids),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
        }
        to_create = {}
        for suggestion in self:
            vals = {
                "product_min_qty": suggestion.suggested_min,
                "product_max_qty": suggestion.suggested_max,
            }
            orderpoint = existing.get(suggestion._location_key())
            if orderpoint:
                orderpoint.write(orderpoint._segmentation_accept_vals(vals))
                continue
            to_create.setdefault(suggestion.company_id, []).append(
                {
                    **vals,
                    "product_id": suggestion.product_id.id,
                    "location_id": suggestion.location_id.id,
                    "warehouse_id": (
                        suggestion.warehouse_id or suggestion.location_id.warehouse_id
                    ).id,
                    "company_id": suggestion.company_id.id,
                    "trigger": "auto",
                }
            )
        for company, vals_list in to_create.items():
            for orderpoint in orderpoints.with_company(company).create(vals_list):
                existing[
                    (orderpoint.product_id.id, orderpoint.location_id.id, company.id)
                ] = orderpoint
        return existing

    def _acceptance_problem(self):
        """Why this suggestion cannot be applied as it is, or an empty string."""
        self.ensure_one()
        product = self.product_id
        if not product.active:
            return self.env._("%s is archived.", product.display_name)
        if not product.is_storable:
            return self.env._(
                "%s is not tracked in stock, and a reordering rule needs a storable product.",
                product.display_name,
            )
        if self.suggested_min < 0 or self.suggested_max < 0:
            return self.env._(
                "%(product)s at %(location)s: the suggested min and max cannot be negative.",
                product=product.display_name,
                location=self.location_id.display_name,
            )
        if product.uom_id.compare(self.suggested_min, self.suggested_max) > 0:
            return self.env._(
                "%(product)s at %(location)s: the suggested min (%(min)s) is above the "
                "suggested max (%(max)s); correct one of them or reject the suggestion.",
                product=product.display_name,
                location=self.location_id.display_name,
                min=self.suggested_min,
                max=self.suggested_max,
            )
        return ""

    def _state_problem(self):
        state_labels = dict(self._fields["state"]._description_selection(self.env))
        return self.env._(
            "The suggestion for %(product)s at %(location)s is already %(state)s.",
            product=self.product_id.display_name,
            location=self.location_id.display_name,
            state=state_labels[self.state].lower(),
        )

    def _describe_problems(self, suggestions, describe):
        lines = [describe(suggestion) for suggestion in suggestions[:10]]
        if len(suggestions) > 10:
            lines.append(self.env._("… and %s more.", len(suggestions) - 10))
        return "\n".join(lines)

    def _notification(self, message, kind):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": kind,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    # ------------------------------------------------------------ write-back

    @api.model
    def submit_pending(self, vals_list):
        """The connector's idempotent write-back of proposals, one per product and location:

        * an identical pending proposal is kept (its details refreshed);
        * a different pending one is superseded by the new proposal;
        * a proposal equal to the current reordering rule, or to the last one a planner
          rejected, creates nothing (and supersedes the pending one, now moot).

        Returns one id per input, or False where nothing is pending after the call."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("submit suggestions"))
        vals_list = [self._normalize_proposal(index, vals) for index, vals in enumerate(vals_list)]
        first_index = {}
        for index, vals in enumerate(vals_list):
            other = first_index.setdefault(self._proposal_key(vals), index)
            if other != index:
                raise UserError(
                    self.env._(
                        "Proposals %(first)s and %(second)s are for the same product and "
                        "location; send one proposal per product and location.",
                        first=other,
                        second=index,
                    )
                )
        product_ids = list({vals["product_id"] for vals in vals_list})
        # One read of the units for the whole batch (quantities compare to their rounding).
        products = self.env["product.product"].with_context(active_test=False).browse(product_ids)
        uom_by_product = {product.id: product.uom_id for product in products}
        pending = self._latest_by_key(
            [("state", "=", "pending"), ("product_id", "in", product_ids)]
        )
        rejected = self._latest_by_key(
            [("state", "=", "rejected"), ("product_id", "in", product_ids)]
        )
        orderpoints = {
            (op.product_id.id, op.location_id.id, op.company_id.id): op
            for op in self.env["stock.warehouse.orderpoint"]
            .sudo()
            .search([("product_id", "in", product_ids)])
        }
        # Each input resolves to a kept pending id, to False, or to its slot among the
        # records created at the end (in one batch, after the superseded ones are flushed).
        superseded, to_create, resolved = self.browse(), [], []
        for vals in vals_list:
            key = self._proposal_key(vals)
            current = pending.get(key)
            orderpoint = orderpoints.get(key)
            if orderpoint:
                vals.setdefault("orderpoint_id", orderpoint.id)
                vals.setdefault("current_min", orderpoint.product_min_qty)
                vals.setdefault("current_max", orderpoint.product_max_qty)
            uom = uom_by_product[vals["product_id"]]
            if current and current._same_quantities(uom, vals):
                current._refresh_details(vals)
                resolved.append(("kept", current.id))
                continue
            if current:
                superseded |= current
            moot = (
                orderpoint
                and self._quantities_match(
                    uom, vals, orderpoint.product_min_qty, orderpoint.product_max_qty
                )
            ) or (key in rejected and rejected[key]._same_quantities(uom, vals))
            if moot:
                resolved.append(("kept", False))
                continue
            resolved.append(("new", len(to_create)))
            to_create.append(vals)
        if superseded:
            superseded.with_context(**{_DECIDING: True}).write({"state": "superseded"})
            # The partial unique index sees the database, not the cache.
            superseded.flush_recordset(["state"])
        created = self.create(to_create)
        return [created[value].id if kind == "new" else value for kind, value in resolved]

    def _refresh_details(self, vals):
        """Write the proposal's descriptive fields that changed (a re-run writes none)."""
        changes = changed_values(self, vals, _PROPOSAL_DETAIL_FIELDS)
        if changes:
            self.write(changes)

    def _normalize_proposal(self, index, vals):
        if not isinstance(vals, dict):
            raise UserError(self.env._("Proposal %s is not a dictionary of values.", index))
        required = ("product_id", "location_id", "suggested_min", "suggested_max")
        # 0 is a valid quantity, so test for absence explicitly (False is Odoo's "empty").
        missing = [name for name in required if vals.get(name) is None or vals[name] is False]
        if missing:
            raise UserError(
                self.env._(
                    "Proposal %(index)s lacks %(fields)s.", index=index, fields=", ".join(missing)
                )
            )
        forbidden = _DECISION_FIELDS & vals.keys()
        if forbidden:
            raise UserError(
                self.env._(
                    "Proposal %(index)s sets %(fields)s, which only a decision may set.",
                    index=index,
                    fields=", ".join(sorted(forbidden)),
                )
            )
        return {**vals, "company_id": vals.get("company_id") or self.env.company.id}

    @staticmethod
    def _proposal_key(vals):
        return (vals["product_id"], vals["location_id"], vals["company_id"])

    def _latest_by_key(self, domain):
        latest = {}
        for suggestion in self.search(domain, order="id desc"):
            key = (suggestion.product_id.id, suggestion.location_id.id, suggestion.company_id.id)
            latest.setdefault(key, suggestion)
        return latest

    def _same_quantities(self, uom, vals):
        return self._quantities_match(uom, vals, self.suggested_min, self.suggested_max)

    @staticmethod
    def _quantities_match(uom, vals, minimum, maximum):
        """Equal in the product's unit, to its rounding."""
        return (
            uom.compare(vals["suggested_min"], minimum) == 0
            and uom.compare(vals["suggested_max"], maximum) == 0
        )
