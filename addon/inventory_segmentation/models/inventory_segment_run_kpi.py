from odoo import fields, models


class InventorySegmentRunKpi(models.Model):
    """One row per tier (and optionally per warehouse) per run, so that a pivot, a graph
    or the dashboard aggregates KPIs over runs with a single grouped read."""

    _name = "inventory.segment.run.kpi"
    _description = "Segmentation KPIs per Segment and Run"
    _order = "date desc, run_id desc, segment_id"
    _check_company_auto = True

    run_id = fields.Many2one(
        "inventory.segment.run", required=True, ondelete="cascade", index=True, check_company=True
    )
    segment_id = fields.Many2one(
        "inventory.segment", required=True, ondelete="restrict", check_company=True
    )
    segment_code = fields.Selection(related="segment_id.code")
    warehouse_id = fields.Many2one(
        "stock.warehouse", check_company=True, help="Empty: the KPIs of all warehouses together."
    )
    company_id = fields.Many2one(related="run_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id", store=True)
    date = fields.Datetime(related="run_id.date_start", store=True, string="Run Date")
    item_count = fields.Integer(string="Items")
    inventory_value = fields.Monetary(help="Value of the stock on hand at the end of the run.")
    average_inventory_value = fields.Monetary(help="Average stock value over the KPI window.")
    excess_value = fields.Monetary(help="Value of the stock above the policy's maximum.")
    carrying_cost = fields.Monetary(
        string="Annual Carrying Cost", help="Inventory value × the configured carrying-cost rate."
    )
    service_target = fields.Float(aggregator="avg")
    fill_rate = fields.Float(aggregator="avg", help="Achieved share of demand served from stock.")
    cycle_service = fields.Float(
        aggregator="avg", help="Achieved share of replenishment cycles without a stockout."
    )
    stockout_count = fields.Integer(string="Stockouts")
    turns = fields.Float(
        aggregator="avg", help="Annual consumption value ÷ average inventory value."
    )

    _run_segment_warehouse_uniq = models.UniqueIndex(
        "(run_id, segment_id, COALESCE(warehouse_id, 0))",
        "A run has one KPI row per segment and warehouse.",
    )
