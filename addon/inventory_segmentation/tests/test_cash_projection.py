from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestCashProjection(SegmentationCase):
    """A run stores its 13-week projection per scenario, tier and warehouse; finance reads it
    in a pivot, and the finance menu opens the latest run's inventory value per tier."""

    def _rows(self, value_now, value_later):
        return [
            {
                "week": week,
                "date": f"2026-11-{23 + week * 7 if week == 0 else 30}",
                "scenario": scenario,
                "segment_id": self.critical.id,
                "warehouse_id": self.warehouse.id,
                "inventory_value": value_now if week == 0 else value_later,
                "receipt_value": 0.0,
            }
            for week in (0, 1)
            for scenario in ("current", "suggested")
        ]

    def test_a_retried_write_leaves_the_same_rows_and_only_the_latest_run_is_latest(self):
        projections = self.env["inventory.segment.cash.projection"].with_user(self.manager)
        old_run = self.env["inventory.segment.run"].create({"state": "done"})
        run = self.env["inventory.segment.run"].create({"state": "done"})
        projections.record_cash_projection(old_run.id, self._rows(500.0, 400.0))
        self.assertEqual(projections.record_cash_projection(run.id, self._rows(1000.0, 900.0)), 4)
        self.assertEqual(projections.record_cash_projection(run.id, self._rows(1000.0, 800.0)), 4)

        latest = projections.search([("is_latest", "=", True)])
        self.assertEqual(latest.run_id, run)
        self.assertEqual(len(latest), 4)
        groups = projections.formatted_read_group(
            [("is_latest", "=", True), ("week", "=", 1)], ["scenario"], ["inventory_value:sum"]
        )
        self.assertEqual(
            {g["scenario"]: g["inventory_value:sum"] for g in groups}["current"], 800.0
        )
        self.assertEqual(projections.search_count([("run_id", "=", old_run.id)]), 4)

    def test_buyers_read_it_and_only_managers_write_it(self):
        run = self.env["inventory.segment.run"].create({"state": "done"})
        self.env["inventory.segment.cash.projection"].record_cash_projection(
            run.id, self._rows(10.0, 5.0)
        )
        as_buyer = self.env["inventory.segment.cash.projection"].with_user(self.buyer)
        self.assertEqual(as_buyer.search_count([("run_id", "=", run.id)]), 4)
        with self.assertRaisesRegex(AccessError, "Manager"):
            as_buyer.record_cash_projection(run.id, [])
        with self.assertRaisesRegex(UserError, "list of value dictionaries"):
            self.env["inventory.segment.cash.projection"].record_cash_projection(run.id, "rows")

    def test_the_finance_menu_opens_the_latest_company_run_per_tier_and_warehouse(self):
        older = self.env["inventory.segment.run"].create(
            {"state": "done", "date_start": "2026-11-01 02:00:00"}
        )
        latest = self.env["inventory.segment.run"].create(
            {"state": "done", "date_start": "2026-11-20 02:00:00"}
        )
        kpis = self.env["inventory.segment.run.kpi"]
        for run, value in ((older, 1.0), (latest, 250.0)):
            kpis.create(
                {"run_id": run.id, "segment_id": self.critical.id, "inventory_value": value}
            )
        action = (
            self.env["inventory.segment.cash.projection"]
            .with_user(self.buyer)
            .action_open_finance()
        )
        self.assertEqual(action["res_model"], "inventory.segment.run.kpi")
        rows = kpis.search(action["domain"])
        self.assertEqual(rows.run_id, latest)
        self.assertEqual(rows.inventory_value, 250.0)
        # With a row per warehouse, only those are shown, so totals count the stock once.
        kpis.create(
            {
                "run_id": latest.id,
                "segment_id": self.critical.id,
                "warehouse_id": self.warehouse.id,
                "inventory_value": 250.0,
            }
        )
        action = self.env["inventory.segment.cash.projection"].action_open_finance()
        self.assertEqual(kpis.search(action["domain"]).warehouse_id, self.warehouse)
