from odoo import api, fields, models
from odoo.exceptions import UserError

from .access import GROUP_MANAGER, check_segmentation_role

# Risk score bands of the list's colours and the "High Risk" filter (points out of 100).
HIGH_RISK = 50
MEDIUM_RISK = 25


class InventorySegmentVendorScorecard(models.Model):
    """One vendor's scorecard in one run. A record per run (not fields on the partner) because
    a vendor's risk is judged per company and followed over time: the lead-time drift of one
    run is read against the scorecards of the runs before it, and a pivot or graph over runs
    shows a vendor getting worse."""

    _name = "inventory.segment.vendor.scorecard"
    _description = "Supplier Scorecard"
    _order = "date desc, risk_rank, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    run_id = fields.Many2one(
        "inventory.segment.run", required=True, ondelete="cascade", index=True, check_company=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Vendor", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="run_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Datetime(related="run_id.date_start", store=True, string="Run Date")
    is_latest = fields.Boolean(
        string="Latest Run",
        readonly=True,
        index=True,
        help="This scorecard belongs to the company's latest run.",
    )
    risk_rank = fields.Integer(string="Rank", help="1 is the vendor with the highest risk score.")
    risk_score = fields.Float(
        string="Risk",
        aggregator="avg",
        help="0–100 points: lead-time drift (30), lateness (15), lateness against the promised "
        "delay (15), lead-time spread (10) and the critical and essential components the vendor "
        "supplies, single sources weighing most (30). The reason lists each part.",
    )
    risk_level = fields.Selection(
        [("high", "High"), ("medium", "Medium"), ("low", "Low")],
        compute="_compute_risk_level",
        store=True,
    )
    risk_reason = fields.Text(string="Why")
    risk_parts = fields.Json(help="The points of each risk factor, with its ceiling and evidence.")
    receipt_count = fields.Integer(string="Receipts")
    on_time_rate = fields.Float(aggregator="avg", help="Share of receipts by their promised date.")
    lead_time_mean_days = fields.Float(string="Lead Time (days)", aggregator="avg")
    lead_time_sd_days = fields.Float(string="Lead Time SD (days)", aggregator="avg")
    recent_receipt_count = fields.Integer(string="Recent Receipts")
    recent_lead_time_days = fields.Float(
        string="Recent Lead Time (days)", aggregator="avg", help="Receipts of the last 90 days."
    )
    history_lead_time_days = fields.Float(
        string="Earlier Lead Time (days)", aggregator="avg", help="Receipts before those."
    )
    lead_time_drift_days = fields.Float(string="Drift (days)", aggregator="avg")
    lead_time_drift_ratio = fields.Float(string="Drift", aggregator="avg")
    promised_delay_days = fields.Float(
        string="Promised (days)", aggregator="avg", help="The vendor's delay on its price lines."
    )
    delay_gap_days = fields.Float(
        string="Late vs Promise (days)",
        aggregator="avg",
        help="Actual lead time minus the promised delay, on average; above 0 is later.",
    )
    offered_product_count = fields.Integer(string="Products Offered")
    critical_count = fields.Integer(string="Critical")
    essential_count = fields.Integer(string="Essential")
    single_sourced_count = fields.Integer(
        string="Only Source Of",
        help="Critical and essential components no other vendor offers.",
    )
    critical_product_ids = fields.Many2many(
        "product.product",
        "inventory_segment_scorecard_critical_rel",
        "scorecard_id",
        "product_id",
        string="Critical & Essential Components",
    )
    single_sourced_product_ids = fields.Many2many(
        "product.product",
        "inventory_segment_scorecard_single_rel",
        "scorecard_id",
        "product_id",
        string="Single-Sourced Components",
    )
    purchase_value = fields.Monetary(help="Confirmed purchase orders of the last 12 months.")
    recommendation_count = fields.Integer(
        string="Open Recommendations", compute="_compute_recommendation_count"
    )

    _run_partner_uniq = models.UniqueIndex(
        "(run_id, partner_id)", "A run has one scorecard per vendor."
    )

    @api.depends("risk_score")
    def _compute_risk_level(self):
        for card in self:
            card.risk_level = (
                "high"
                if card.risk_score >= HIGH_RISK
                else "medium"
                if card.risk_score >= MEDIUM_RISK
                else "low"
            )

    def _compute_recommendation_count(self):
        counts = dict(
            self.env["inventory.segment.recommendation"]._read_group(
                [("partner_id", "in", self.partner_id.ids), ("state", "=", "open")],
                ["partner_id"],
                ["__count"],
            )
        )
        for card in self:
            card.recommendation_count = counts.get(card.partner_id, 0)

    @api.model
    def record_scorecards(self, run_id, vals_list):
        """The connector's write of a run's scorecards, one per vendor: creates them, or
        updates those already written for this run (a retried call changes nothing), and
        makes them the latest of the run's company. Returns one id per input."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("record supplier scorecards"))
        run = self.env["inventory.segment.run"].browse(run_id).exists()
        if not run:
            raise UserError(self.env._("There is no segmentation run %s.", run_id))
        existing = {card.partner_id.id: card for card in self.search([("run_id", "=", run.id)])}
        resolved, to_create = [], []
        for index, vals in enumerate(vals_list):
            if not isinstance(vals, dict) or not vals.get("partner_id"):
                raise UserError(self.env._("Scorecard %s needs a partner_id.", index))
            card = existing.get(vals["partner_id"])
            if card:
                card.write(vals)
                resolved.append(("kept", card.id))
            else:
                resolved.append(("new", len(to_create)))
                to_create.append({**vals, "run_id": run.id})
        created = self.create(to_create)
        ids = [created[value].id if kind == "new" else value for kind, value in resolved]
        self._mark_latest(run)
        return ids

    def _mark_latest(self, run):
        older = self.search(
            [
                ("company_id", "=", run.company_id.id),
                ("is_latest", "=", True),
                ("run_id", "!=", run.id),
            ]
        )
        older.write({"is_latest": False})
        self.search([("run_id", "=", run.id)]).write({"is_latest": True})

    def action_view_recommendations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inventory_segmentation.action_inventory_segment_recommendation"
        )
        action["domain"] = [("partner_id", "=", self.partner_id.id)]
        action["context"] = {"search_default_filter_open": 1}
        return action

    def action_view_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inventory_segmentation.action_inventory_segment_vendor_scorecard"
        )
        action["domain"] = [("partner_id", "=", self.partner_id.id)]
        action["context"] = {}
        action["view_mode"] = "graph,list,form"
        return action
