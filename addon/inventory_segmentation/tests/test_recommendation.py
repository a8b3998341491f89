from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestRecommendations(SegmentationCase):
    """Each run submits its recommendations; procurement marks them done or dismisses them,
    and a decision stands until the facts behind it change."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vendor = cls.env["res.partner"].create({"name": "Sprocket Ltd"})
        cls.other_vendor = cls.env["res.partner"].create({"name": "Gear Works"})
        cls.purchaser = new_test_user(
            cls.env, login="purchaser", groups="base.group_user,purchase.group_purchase_user"
        )
        cls.outsider = new_test_user(cls.env, login="outsider", groups="base.group_user")

    def _run(self):
        return self.env["inventory.segment.run"].create({"state": "done"})

    def _vals(self, run, product=None, vendor=None, **values):
        product = product or self.brake_disc
        return {
            "key": f"dual_source:{product.default_code}",
            "rule": "dual_source",
            "product_id": product.id,
            "partner_id": (vendor or self.vendor).id,
            "segment_id": self.critical.id,
            "priority": "high",
            "value": 1000.0,
            "evidence": {"vendor": "V0001", "vendor_risk_score": 91.5},
            "signature": f"vendor={(vendor or self.vendor).id}",
            "reason": f"{product.default_code} is critical and Sprocket Ltd is its only source.",
            "run_id": run.id,
            **values,
        }

    def _submit(self, *vals_list):
        return (
            self.env["inventory.segment.recommendation"]
            .with_user(self.manager)
            .submit_recommendations(list(vals_list))
        )

    def _commit(self):
        """What a commit does before it commits: flush, then write the tracking values."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _by_key(self, key):
        return self.env["inventory.segment.recommendation"].search([("key", "=", key)], order="id")

    def test_the_next_run_refreshes_the_open_recommendation(self):
        first, second = self._run(), self._run()
        [opened] = self._submit(self._vals(first))
        [kept] = self._submit(self._vals(second, value=1200.0, reason="updated reason"))

        self.assertEqual(opened, kept)
        recommendation = self._by_key("dual_source:BD-100")
        self.assertEqual(len(recommendation), 1)
        self.assertEqual(
            (recommendation.value, recommendation.reason, recommendation.run_id),
            (1200.0, "updated reason", second),
        )
        self.assertEqual(recommendation.evidence["vendor_risk_score"], 91.5)

    def test_a_purchaser_marks_it_done_and_the_chatter_says_who(self):
        [rec_id] = self._submit(self._vals(self._run()))
        self._commit()  # the connector's call and the buyer's click are two transactions
        recommendation = self.env["inventory.segment.recommendation"].browse(rec_id)
        recommendation.with_user(self.purchaser).write({"decision_note": "Gear Works quoted"})
        recommendation.with_user(self.purchaser).action_done()

        self.assertEqual(recommendation.state, "done")
        self.assertEqual(recommendation.decision_user_id, self.purchaser)
        self.assertTrue(recommendation.decision_date)
        self._commit()
        tracked = recommendation.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(tracked.new_value_char, "Done")
        # Marking it again is harmless.
        recommendation.with_user(self.purchaser).action_done()
        self.assertEqual(recommendation.state, "done")

    def test_a_dismissed_recommendation_stays_dismissed_while_the_facts_hold(self):
        [rec_id] = self._submit(self._vals(self._run()))
        self.env["inventory.segment.recommendation"].browse(rec_id).with_user(
            self.planner
        ).action_dismiss()

        # Same vendor, value up by less than half: the decision stands.
        self.assertEqual(self._submit(self._vals(self._run(), value=1400.0)), [False])
        self.assertEqual(len(self._by_key("dual_source:BD-100")), 1)

    def test_it_comes_back_when_its_signature_changes_or_the_stake_grows_by_half(self):
        [rec_id] = self._submit(self._vals(self._run()))
        dismissed = self.env["inventory.segment.recommendation"].browse(rec_id)
        dismissed.action_dismiss()

        [again_id] = self._submit(self._vals(self._run(), vendor=self.other_vendor))
        again = self.env["inventory.segment.recommendation"].browse(again_id)
        self.assertEqual((again.state, again.previous_id), ("open", dismissed))
        again.action_dismiss()

        [grown_id] = self._submit(self._vals(self._run(), vendor=self.other_vendor, value=1600.0))
        self.assertEqual(
            self.env["inventory.segment.recommendation"].browse(grown_id).previous_id, again
        )

    def test_what_a_run_no_longer_finds_no_longer_applies_and_may_come_back(self):
        first, second, third = self._run(), self._run(), self._run()
        [gone_id] = self._submit(self._vals(first, product=self.wiper))
        [kept_id] = self._submit(self._vals(first))
        self._submit(self._vals(second))
        closed = (
            self.env["inventory.segment.recommendation"]
            .with_user(self.manager)
            .close_resolved(second.id)
        )

        recommendations = self.env["inventory.segment.recommendation"]
        self.assertEqual(closed, 1)
        self.assertEqual(recommendations.browse(gone_id).state, "resolved")
        self.assertEqual(recommendations.browse(kept_id).state, "open")
        [back_id] = self._submit(self._vals(third, product=self.wiper))
        self.assertEqual(recommendations.browse(back_id).previous_id.id, gone_id)

    def test_decisions_go_through_the_buttons_and_need_the_right_group(self):
        [rec_id] = self._submit(self._vals(self._run()))
        recommendation = self.env["inventory.segment.recommendation"].browse(rec_id)
        with self.assertRaisesRegex(UserError, "only with its buttons"):
            recommendation.with_user(self.manager).write({"state": "done"})
        with self.assertRaisesRegex(AccessError, "Planner"):
            recommendation.with_user(self.buyer).action_dismiss()
        with self.assertRaises(AccessError):
            recommendation.with_user(self.outsider).action_done()
        with self.assertRaisesRegex(AccessError, "Manager"):
            recommendation.with_user(self.planner).submit_recommendations([])
        self.assertEqual(recommendation.state, "open")

    def test_reopen_undoes_a_decision_unless_a_newer_one_is_open(self):
        [rec_id] = self._submit(self._vals(self._run()))
        recommendation = self.env["inventory.segment.recommendation"].browse(rec_id)
        recommendation.action_dismiss()
        recommendation.with_user(self.planner).action_reopen()
        self.assertEqual(recommendation.state, "open")
        self.assertFalse(recommendation.decision_user_id)

        recommendation.action_dismiss()
        self._submit(self._vals(self._run(), vendor=self.other_vendor))
        with self.assertRaisesRegex(UserError, "newer recommendation is already open"):
            recommendation.action_reopen()

    def test_bad_input_is_refused_naming_the_entry(self):
        run = self._run()
        with self.assertRaisesRegex(UserError, "Recommendation 1 lacks reason"):
            self._submit(self._vals(run), {"key": "x", "rule": "dual_source"})
        with self.assertRaisesRegex(UserError, "sets state"):
            self._submit({**self._vals(run), "state": "done"})
        with self.assertRaisesRegex(UserError, "once per call"):
            self._submit(self._vals(run), self._vals(run))

    def test_one_open_recommendation_per_key_is_enforced_by_the_database(self):
        self._submit(self._vals(self._run()))
        with self.assertRaises(UniqueViolation), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.env["inventory.segment.recommendation"].create(
                {"key": "dual_source:BD-100", "rule": "dual_source", "reason": "twice"}
            )
