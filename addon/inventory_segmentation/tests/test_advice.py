from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestRefinementAdvice(SegmentationCase):
    """The feedback loop's recommendations, as the connector records them and a manager decides."""

    def _advice(self, **values):
        return {
            "kind": "raise_target",
            "segment_id": self.essential.id,
            "parameter": "service_target",
            "current_value": 0.97,
            "proposed_value": 0.985,
            "evidence": {"measure": "cycle", "achieved_1": 0.95, "achieved_2": 0.955},
            "message": "Raise essential's target from 97.0% to 98.5%.",
            "dedup_key": "advice:raise_target:essential:2026-11-24",
            **values,
        }

    def _record(self, *vals_list, user=None):
        advice = self.env["inventory.segment.advice"].with_user(user or self.manager)
        return advice.record_advice(list(vals_list))

    def test_a_rerun_records_the_same_advice_once(self):
        first = self._record(self._advice())
        second = self._record(self._advice())
        self.assertEqual(first, second)
        self.assertEqual(self.env["inventory.segment.advice"].search_count([]), 1)
        advice = self.env["inventory.segment.advice"].browse(first)
        self.assertEqual(advice.state, "pending")
        self.assertEqual(advice.evidence["achieved_2"], 0.955)

    def test_newer_advice_supersedes_the_pending_one_on_the_same_tier(self):
        [old] = self._record(self._advice())
        [new] = self._record(self._advice(proposed_value=0.99, dedup_key="advice:later"))
        Advice = self.env["inventory.segment.advice"]
        self.assertEqual(Advice.browse(old).state, "superseded")
        self.assertEqual(Advice.browse(new).state, "pending")
        # Advice on another tier is another subject.
        [other] = self._record(self._advice(segment_id=self.standard.id, dedup_key="advice:std"))
        self.assertEqual(Advice.browse(new).state, "pending")
        self.assertEqual(Advice.browse(other).state, "pending")

    def test_applying_raises_the_tier_target(self):
        [advice_id] = self._record(self._advice())
        advice = self.env["inventory.segment.advice"].with_user(self.manager).browse(advice_id)
        advice.action_apply()
        self.assertAlmostEqual(self.essential.service_target, 0.985)
        self.assertEqual(advice.state, "applied")
        self.assertEqual(advice.decision_user_id, self.manager)
        # A retried apply changes nothing more.
        self.essential.service_target = 0.975
        advice.action_apply()
        self.assertAlmostEqual(self.essential.service_target, 0.975)

    def test_applying_moves_the_x_cutoff_within_the_y_cutoff(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("inventory_segmentation.xyz_cutoff_y", "1.0")
        cutoff = {
            "kind": "lower_xyz_cutoff",
            "segment_id": False,
            "parameter": "inventory_segmentation.xyz_cutoff_x",
            "current_value": 0.5,
        }
        Advice = self.env["inventory.segment.advice"].with_user(self.manager)
        [ok] = self._record(self._advice(**cutoff, proposed_value=0.4, dedup_key="advice:x:1"))
        Advice.browse(ok).action_apply()
        self.assertEqual(params.get_param("inventory_segmentation.xyz_cutoff_x"), "0.4")
        self.assertEqual(
            self.env["inventory.segment"].get_segmentation_settings()["parameters"][
                "inventory_segmentation.xyz_cutoff_x"
            ],
            0.4,
        )
        [too_far] = self._record(
            self._advice(**cutoff, proposed_value=1.2, dedup_key="advice:x:2")
        )
        with self.assertRaisesRegex(UserError, "below the Y cut-off"):
            Advice.browse(too_far).action_apply()
        self.assertEqual(params.get_param("inventory_segmentation.xyz_cutoff_x"), "0.4")

    def test_a_dismissed_proposal_is_not_made_again(self):
        [advice_id] = self._record(self._advice())
        advice = self.env["inventory.segment.advice"].with_user(self.manager).browse(advice_id)
        advice.action_dismiss()
        self.assertEqual(self._record(self._advice(dedup_key="advice:next-night")), [False])
        # A different proposal on the same subject is made.
        [different] = self._record(self._advice(proposed_value=0.99, dedup_key="advice:other"))
        self.assertTrue(different)

    def test_decisions_are_the_managers(self):
        [advice_id] = self._record(self._advice())
        for user in (self.buyer, self.planner):
            advice = self.env["inventory.segment.advice"].with_user(user).browse(advice_id)
            self.assertEqual(advice.state, "pending")  # every segmentation user may read it
            with self.assertRaises(AccessError):
                advice.action_apply()
            with self.assertRaises(AccessError):
                advice.action_dismiss()
        with self.assertRaises(AccessError):
            self._record(self._advice(dedup_key="advice:planner"), user=self.planner)
        with self.assertRaisesRegex(UserError, "its buttons"):
            self.env["inventory.segment.advice"].browse(advice_id).write({"state": "applied"})

    def test_decided_advice_cannot_be_decided_otherwise(self):
        [advice_id] = self._record(self._advice())
        advice = self.env["inventory.segment.advice"].with_user(self.manager).browse(advice_id)
        advice.action_dismiss()
        with self.assertRaisesRegex(UserError, "already decided"):
            advice.action_apply()

    def test_incomplete_advice_is_refused_with_the_missing_fields(self):
        with self.assertRaisesRegex(UserError, "lacks proposed_value"):
            self._record(self._advice(proposed_value=None))

    def test_advice_stays_in_its_company(self):
        [advice_id] = self._record(self._advice())
        other_manager = self._new_user(
            "seg_manager_b",
            "inventory_segmentation.group_segmentation_manager",
            companies=self.company_b,
        )
        visible = self.env["inventory.segment.advice"].with_user(other_manager).search([])
        self.assertNotIn(advice_id, visible.ids)
