from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestWatchPoll(SegmentationCase):
    """The connector's watch mode polls Odoo with one request per interval."""

    def _watch_run(self):
        return self.env["inventory.segment.run"].create(
            {"mode": "watch", "state": "running", "connector_run_key": "watch:host:1:key"}
        )

    def _poll(self, run, reads, beat=False, user=None):
        runs = self.env["inventory.segment.run"].with_user(user or self.manager)
        return runs.watch_poll(run.id, reads, beat=beat)

    def test_one_call_returns_the_changes_the_requested_runs_and_the_server_time(self):
        run = self._watch_run()
        requested = self.env["inventory.segment.run"].create(
            {"mode": "requested", "state": "requested"}
        )
        result = self._poll(
            run,
            {
                "product.supplierinfo": {"domain": [], "fields": ["write_date"], "limit": 10},
                "stock.quant": {
                    "domain": [("product_id", "=", self.brake_disc.id)],
                    "fields": ["product_id", "write_date"],
                    "limit": 10,
                },
            },
        )
        self.assertEqual(set(result["changes"]), {"product.supplierinfo", "stock.quant"})
        self.assertEqual(result["changes"]["stock.quant"], [])
        self.assertEqual(
            {row["id"]: row["state"] for row in result["runs"]},
            {run.id: "running", requested.id: "requested"},
        )
        self.assertRegex(result["server_time"], r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")

    def test_changes_come_in_write_order_from_the_cursor(self):
        run = self._watch_run()
        self.env["stock.quant"]._update_available_quantity(self.wiper, self.stock_location, 5)
        rows = self._poll(
            run,
            {
                "stock.quant": {
                    "domain": [("product_id", "in", [self.wiper.id, self.gasket.id])],
                    "fields": ["product_id", "write_date"],
                    "limit": 5,
                }
            },
        )["changes"]["stock.quant"]
        self.assertEqual([row["product_id"][0] for row in rows], [self.wiper.id])
        self.assertIn("write_date", rows[0])

    def test_the_heartbeat_touches_the_running_run_only_when_asked(self):
        run = self._watch_run()
        self.env.cr.execute(
            "UPDATE inventory_segment_run SET write_date = '2020-01-01 00:00:00' WHERE id = %s",
            (run.id,),
        )
        run.invalidate_recordset(["write_date"])
        self._poll(run, {})
        self.assertEqual(str(run.write_date), "2020-01-01 00:00:00")
        self._poll(run, {}, beat=True)
        run.invalidate_recordset(["write_date"])
        self.assertGreater(str(run.write_date), "2020-01-01 00:00:00")

    def test_it_reads_only_the_watched_models_and_only_for_managers(self):
        run = self._watch_run()
        with self.assertRaisesRegex(UserError, "watch_poll reads only"):
            self._poll(run, {"res.partner": {"domain": []}})
        with self.assertRaises(AccessError):
            self._poll(run, {}, user=self.planner)
