from odoo import api, fields, models
from odoo.exceptions import UserError

from .access import (
    GROUP_MANAGER,
    GROUP_PLANNER,
    check_segmentation_role,
    has_segmentation_role,
)
from .changed_values import changed_values

GROUP_PURCHASE_USER = "purchase.group_purchase_user"

RULES = [
    ("dual_source", "Dual-source"),
    ("renegotiate_order_size", "Renegotiate MOQ / lot size"),
    ("consignment", "Consignment / VMI"),
    ("review_design", "Review design"),
    ("review_vendor", "Review vendor"),
    ("dispose_obsolete", "Dispose of obsolete stock"),
]

# A decided recommendation comes back (as a new one) when its material facts change, or when
# the money at stake grows by this factor since the decision.
REOPEN_VALUE_GROWTH = 1.5

# Fields that only the decision methods and the connector's submit may change.
_DECISION_FIELDS = {"state", "decision_user_id", "decision_date", "previous_id"}
# Fields a newer run refreshes on an open recommendation.
_REFRESHED_FIELDS = (
    "run_id",
    "partner_id",
    "segment_id",
    "audience",
    "priority",
    "value",
    "evidence",
    "signature",
    "reason",
    "date_last",
)
_DECIDING = "inventory_segmentation_deciding"
# Creating or refreshing thousands of records must not write a chatter message for each.
_QUIET = {"mail_create_nolog": True, "mail_notrack": True, "tracking_disable": True}


class InventorySegmentRecommendation(models.Model):
    """A sourcing, engineering or finance action the connector's rules point to, with its
    evidence and a reason in a buyer's words. One record per rule and product stays open
    across runs (refreshed by each run); a buyer marks it done or dismisses it, which is
    tracked in the chatter. A decided recommendation is not reopened unless its material facts
    (its ``signature``) change or the money at stake grows by half; then a new one is opened,
    linked to the decided one."""

    _name = "inventory.segment.recommendation"
    _inherit = ["mail.thread"]
    _description = "Sourcing Recommendation"
    _order = "priority_sequence, value desc, id desc"
    _check_company_auto = True

    rule = fields.Selection(RULES, required=True, index=True, tracking=True)
    key = fields.Char(
        required=True,
        index=True,
        help="Chosen by the connector from the rule and the product (e.g. dual_source:CP-00150): "
        "the same key in a later run is the same recommendation.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    run_id = fields.Many2one(
        "inventory.segment.run",
        string="Last Seen in Run",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
    )
    date_first = fields.Datetime(string="First Seen", default=fields.Datetime.now)
    date_last = fields.Datetime(string="Last Seen", default=fields.Datetime.now)
    product_id = fields.Many2one(
        "product.product", index=True, ondelete="cascade", check_company=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Vendor", index="btree_not_null", ondelete="set null"
    )
    segment_id = fields.Many2one("inventory.segment", ondelete="set null", check_company=True)
    segment_code = fields.Selection(related="segment_id.code")
    audience = fields.Selection(
        [("procurement", "Procurement"), ("engineering", "Engineering"), ("finance", "Finance")],
        required=True,
        default="procurement",
        index=True,
    )
    priority = fields.Selection(
        [("high", "High"), ("medium", "Medium"), ("low", "Low")],
        required=True,
        default="medium",
    )
    priority_sequence = fields.Integer(compute="_compute_priority_sequence", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    value = fields.Monetary(
        string="At Stake",
        help="What the rule puts a figure on: the spend through a single source a year, the "
        "stock an order-size change or consignment frees, the safety stock variability costs, "
        "or the value of obsolete stock.",
    )
    evidence = fields.Json(help="The facts behind the recommendation, by name.")
    signature = fields.Char(
        help="The facts whose change makes a decided recommendation a new question "
        "(e.g. the vendor that is the only source)."
    )
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("done", "Done"),
            ("dismissed", "Dismissed"),
            ("resolved", "No Longer Applies"),
        ],
        required=True,
        default="open",
        index=True,
        readonly=True,
        tracking=True,
    )
    decision_user_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    decision_date = fields.Datetime(string="Decided On", readonly=True)
    decision_note = fields.Char(string="Note", tracking=True)
    previous_id = fields.Many2one(
        "inventory.segment.recommendation",
        string="Reopens",
        readonly=True,
        ondelete="set null",
        help="The decided recommendation this one asks again, because its facts changed.",
    )

    _one_open_per_key = models.UniqueIndex(
        "(company_id, key) WHERE state = 'open'",
        "There is already an open recommendation with this key in this company.",
    )

    @api.depends("priority")
    def _compute_priority_sequence(self):
        order = {"high": 1, "medium": 2, "low": 3}
        for recommendation in self:
            recommendation.priority_sequence = order.get(recommendation.priority, 9)

    @api.depends("rule", "product_id", "partner_id")
    def _compute_display_name(self):
        labels = dict(RULES)
        for recommendation in self:
            subject = recommendation.product_id.display_name or recommendation.partner_id.name
            recommendation.display_name = " – ".join(
                part for part in (labels.get(recommendation.rule), subject) if part
            )

    # ------------------------------------------------------------------ guards

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "open") != "open" or (
                (_DECISION_FIELDS - {"state", "previous_id"}) & vals.keys()
            ):
                raise UserError(self.env._("A new recommendation is always open."))
        return super().create(vals_list)

    def write(self, vals):
        if _DECISION_FIELDS & vals.keys() and not self.env.context.get(_DECIDING):
            raise UserError(
                self.env._("A recommendation is marked done or dismissed only with its buttons.")
            )
        return super().write(vals)

    # ---------------------------------------------------------------- decisions

    def action_done(self):
        """Procurement has acted on it."""
        return self._decide("done", self.env._("mark recommendations done"))

    def action_dismiss(self):
        """Procurement will not act on it; it stays dismissed until its facts change."""
        return self._decide("dismissed", self.env._("dismiss recommendations"))

    def action_reopen(self):
        """Back to open, for a decision taken by mistake."""
        self._check_decider(self.env._("reopen recommendations"))
        to_reopen = self.filtered(lambda r: r.state in ("done", "dismissed"))
        others = to_reopen.search(
            [
                ("state", "=", "open"),
                ("key", "in", to_reopen.mapped("key")),
                ("company_id", "in", to_reopen.company_id.ids),
            ]
        )
        if others:
            raise UserError(
                self.env._(
                    "A newer recommendation is already open for %s; decide that one instead.",
                    ", ".join(others.mapped("display_name")),
                )
            )
        to_reopen.with_context(**{_DECIDING: True}).write(
            {"state": "open", "decision_user_id": False, "decision_date": False}
        )
        return True

    def _decide(self, state, action):
        self._check_decider(action)
        undecidable = self.filtered(lambda r: r.state not in ("open", state))
        if undecidable:
            raise UserError(
                self.env._(
                    "Only open recommendations can be decided: %s.",
                    ", ".join(undecidable[:10].mapped("display_name")),
                )
            )
        self.filtered(lambda r: r.state == "open").with_context(**{_DECIDING: True}).write(
            {
                "state": state,
                "decision_user_id": self.env.uid,
                "decision_date": fields.Datetime.now(),
            }
        )
        return True

    def _check_decider(self, action):
        """Planners and purchase users decide; the record rules still apply."""
        if not (
            has_segmentation_role(self.env, GROUP_PLANNER)
            or self.env.user.has_group(GROUP_PURCHASE_USER)
        ):
            check_segmentation_role(self.env, GROUP_PLANNER, action)
        self.check_access("write")

    # ------------------------------------------------------------ write-back

    @api.model
    def submit_recommendations(self, vals_list):
        """The connector's idempotent write-back of a run's recommendations, by ``key``:

        * an open one with the key is refreshed (reason, evidence, value, run…);
        * after a decision (done or dismissed), a new one is opened only when its
          ``signature`` differs from the decided one or its value has grown by half
          (``REOPEN_VALUE_GROWTH``); otherwise nothing is created;
        * one that no longer applied (resolved) comes back as a new one;
        * otherwise a new one is opened.

        Returns one id per input, or False where the decision stands."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("submit recommendations"))
        vals_list = [self._normalize(index, vals) for index, vals in enumerate(vals_list)]
        keys = {vals["key"] for vals in vals_list}
        if len(keys) < len(vals_list):
            raise UserError(self.env._("Send each recommendation key once per call."))
        latest = {}
        for recommendation in self.search([("key", "in", list(keys))], order="id desc"):
            latest.setdefault((recommendation.company_id.id, recommendation.key), recommendation)
        # The partial unique index sees the database, not decisions still in the cache.
        self.flush_model(["state"])
        quiet = self.with_context(**_QUIET, **{_DECIDING: True})
        resolved, to_create = [], []
        for vals in vals_list:
            current = latest.get((vals["company_id"], vals["key"]))
            if current and current.state == "open":
                current.with_context(**_QUIET)._refresh(vals)
                resolved.append(("kept", current.id))
            elif (
                current and current.state in ("done", "dismissed") and not current._asks_again(vals)
            ):
                resolved.append(("kept", False))
            else:
                resolved.append(("new", len(to_create)))
                to_create.append({**vals, **({"previous_id": current.id} if current else {})})
        created = quiet.create(to_create)
        return [created[value].id if kind == "new" else value for kind, value in resolved]

    @api.model
    def close_resolved(self, run_id):
        """After a run submitted all its recommendations: the open ones of its company it did
        not confirm no longer apply. Returns how many were closed."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("close recommendations"))
        run = self.env["inventory.segment.run"].browse(run_id).exists()
        if not run:
            raise UserError(self.env._("There is no segmentation run %s.", run_id))
        stale = self.search(
            [
                ("company_id", "=", run.company_id.id),
                ("state", "=", "open"),
                "|",
                ("run_id", "=", False),
                ("run_id", "!=", run.id),
            ]
        )
        stale.with_context(**_QUIET, **{_DECIDING: True}).write(
            {"state": "resolved", "decision_date": fields.Datetime.now()}
        )
        # One internal note each, created in one batch (a run may close hundreds).
        note = self.env._("%s no longer finds it: it no longer applies.", run.name)
        stale._message_log_batch({recommendation.id: note for recommendation in stale})
        return len(stale)

    def _refresh(self, vals):
        changes = changed_values(self, vals, _REFRESHED_FIELDS)
        if changes:
            self.write(changes)

    def _asks_again(self, vals):
        """Whether a decided recommendation's question has changed enough to ask again."""
        self.ensure_one()
        if (vals.get("signature") or "") != (self.signature or ""):
            return True
        return vals.get("value", 0.0) > REOPEN_VALUE_GROWTH * max(self.value, 0.0) + 0.005

    def _normalize(self, index, vals):
        if not isinstance(vals, dict):
            raise UserError(self.env._("Recommendation %s is not a dictionary of values.", index))
        missing = [name for name in ("key", "rule", "reason") if not vals.get(name)]
        if missing:
            raise UserError(
                self.env._(
                    "Recommendation %(index)s lacks %(fields)s.",
                    index=index,
                    fields=", ".join(missing),
                )
            )
        forbidden = _DECISION_FIELDS & vals.keys()
        if forbidden:
            raise UserError(
                self.env._(
                    "Recommendation %(index)s sets %(fields)s, which only a decision may set.",
                    index=index,
                    fields=", ".join(sorted(forbidden)),
                )
            )
        return {**vals, "company_id": vals.get("company_id") or self.env.company.id}
