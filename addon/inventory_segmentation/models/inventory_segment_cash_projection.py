from odoo import api, fields, models
from odoo.exceptions import UserError

from .access import GROUP_MANAGER, GROUP_USER, check_segmentation_role


class InventorySegmentCashProjection(models.Model):
    """The inventory investment a run projects, week by week over the next 13 weeks, per tier
    and warehouse: under today's reordering rules, and as if every pending suggestion were
    accepted. One row per run, week, scenario, tier and warehouse, so that a pivot puts the two
    scenarios side by side and a graph draws them over the weeks. Week 0 is the stock on hand
    when the run read it."""

    _name = "inventory.segment.cash.projection"
    _description = "Inventory Cash Projection"
    _order = "run_id desc, week, scenario, segment_id, warehouse_id"
    _check_company_auto = True

    run_id = fields.Many2one(
        "inventory.segment.run", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="run_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    is_latest = fields.Boolean(string="Latest Run", readonly=True, index=True)
    week = fields.Integer(required=True, aggregator=False, help="0 is now, 1 the coming week.")
    date = fields.Date(string="Week Of", required=True, help="First day of the week.")
    scenario = fields.Selection(
        [("current", "Today's rules"), ("suggested", "Suggestions accepted")],
        required=True,
        index=True,
    )
    segment_id = fields.Many2one("inventory.segment", ondelete="restrict", check_company=True)
    segment_code = fields.Selection(related="segment_id.code")
    warehouse_id = fields.Many2one(
        "stock.warehouse", check_company=True, help="Empty: stock in no warehouse."
    )
    inventory_value = fields.Monetary(
        help="Stock on hand at the end of the week × unit cost (week 0: now)."
    )
    receipt_value = fields.Monetary(
        string="Receipts", help="Value of the purchases received during the week."
    )

    _run_cell_uniq = models.UniqueIndex(
        "(run_id, week, scenario, COALESCE(segment_id, 0), COALESCE(warehouse_id, 0))",
        "A run has one projection row per week, scenario, segment and warehouse.",
    )

    @api.model
    def record_cash_projection(self, run_id, rows):
        """The connector's write of a run's projection: replaces the run's rows with ``rows``
        (so a retried call leaves the same rows) and makes them the latest of its company.
        Returns the number of rows."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("record cash projections"))
        run = self.env["inventory.segment.run"].browse(run_id).exists()
        if not run:
            raise UserError(self.env._("There is no segmentation run %s.", run_id))
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise UserError(
                self.env._("record_cash_projection expects a list of value dictionaries.")
            )
        self.search([("run_id", "=", run.id)]).unlink()
        self.create([{**row, "run_id": run.id, "is_latest": True} for row in rows])
        self.search(
            [
                ("company_id", "=", run.company_id.id),
                ("is_latest", "=", True),
                ("run_id", "!=", run.id),
            ]
        ).write({"is_latest": False})
        return len(rows)

    @api.model
    def action_open_finance(self):
        """Inventory value, excess and carrying cost per tier and warehouse as the latest
        company-wide run measured them (its KPI rows), in a pivot. A run over several
        warehouses writes a row per warehouse besides the all-warehouse one: only the
        warehouse rows are shown then, so that totals do not count stock twice."""
        check_segmentation_role(self.env, GROUP_USER, self.env._("see inventory finance"))
        run = self.env["inventory.segment.run"].search(
            [
                ("state", "=", "done"),
                ("warehouse_id", "=", False),
                ("company_id", "in", self.env.companies.ids),
            ],
            order="date_start desc, id desc",
            limit=1,
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inventory_segmentation.action_inventory_segment_finance"
        )
        kpis = self.env["inventory.segment.run.kpi"]
        per_warehouse = bool(
            run and kpis.search_count([("run_id", "=", run.id), ("warehouse_id", "!=", False)])
        )
        action["domain"] = [
            ("run_id", "=", run.id),
            ("warehouse_id", "!=" if per_warehouse else "=", False),
        ]
        if run:
            action["display_name"] = self.env._("Inventory Finance (%s)", run.name)
        return action
