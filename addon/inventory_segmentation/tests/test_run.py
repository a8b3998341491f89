from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestRecomputeAndSettings(SegmentationCase):
    def test_recompute_now_queues_one_requested_run(self):
        runs = self.env["inventory.segment.run"].with_user(self.planner)

        action = runs.action_request_run()
        run = runs.browse(action["params"]["run_id"])
        self.assertEqual((run.mode, run.state), ("requested", "requested"))
        self.assertEqual(run.requested_by_id, self.planner)
        self.assertEqual(run.company_id, self.company)

        # Clicking again while the connector has not picked it up adds nothing.
        again = runs.action_request_run()
        self.assertEqual(again["params"]["run_id"], run.id)
        self.assertEqual(runs.search_count([("state", "=", "requested")]), 1)

    def test_a_buyer_cannot_request_a_recompute(self):
        with self.assertRaisesRegex(AccessError, "Planner"):
            self.env["inventory.segment.run"].with_user(self.buyer).action_request_run()

    def test_the_connector_reads_settings_and_tiers_in_one_call(self):
        settings = self.env["inventory.segment"].with_user(self.buyer).get_segmentation_settings()

        self.assertEqual(settings["parameters"]["inventory_segmentation.abc_cutoff_a"], 0.8)
        self.assertEqual(settings["parameters"]["inventory_segmentation.history_months"], 24)
        self.assertEqual(
            settings["parameters"]["inventory_segmentation.full_refresh_time"], "02:00"
        )
        self.assertEqual(settings["tiers"]["critical"]["service_target"], 0.99)
        self.assertEqual(settings["tiers"]["obsolete"]["service_target"], 0)
        self.assertEqual(settings["tiers"]["essential"]["id"], self.essential.id)

    def test_saved_settings_reach_the_connector(self):
        config = self.env["res.config.settings"].create(
            {
                "segmentation_abc_cutoff_a": 0.7,
                "segmentation_hysteresis_runs": 5,
                "segmentation_analysis_period": "month",
                "segmentation_auto_apply_segment_ids": [(6, 0, self.critical.ids)],
            }
        )
        config.execute()

        parameters = self.env["inventory.segment"].get_segmentation_settings()["parameters"]
        self.assertEqual(parameters["inventory_segmentation.abc_cutoff_a"], 0.7)
        self.assertEqual(parameters["inventory_segmentation.hysteresis_runs"], 5)
        self.assertEqual(parameters["inventory_segmentation.analysis_period"], "month")
        self.assertTrue(self.critical.auto_apply)
        self.assertFalse(self.essential.auto_apply)

    def test_inconsistent_settings_are_refused(self):
        for values, message in (
            ({"segmentation_abc_cutoff_a": 0.97}, "0 < A < B < 1"),
            ({"segmentation_xyz_cutoff_y": 0.3}, "0 < X < Y"),
            ({"segmentation_hysteresis_runs": 0}, "greater than 0"),
            ({"segmentation_full_refresh_time": "25:00"}, "HH:MM"),
        ):
            with self.subTest(values=values), self.assertRaisesRegex(ValidationError, message):
                self.env["res.config.settings"].create(values)

    def test_a_company_tier_overrides_the_shared_one(self):
        own = self.env["inventory.segment"].create(
            {
                "name": "Critical (B)",
                "code": "critical",
                "service_target": 0.995,
                "company_id": self.company_b.id,
            }
        )
        tiers_b = (
            self.env["inventory.segment"]
            .with_company(self.company_b)
            .get_segmentation_settings()["tiers"]
        )
        tiers_a = self.env["inventory.segment"].get_segmentation_settings()["tiers"]
        self.assertEqual(tiers_b["critical"]["id"], own.id)
        self.assertEqual(tiers_a["critical"]["id"], self.critical.id)
