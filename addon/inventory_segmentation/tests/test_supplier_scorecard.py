from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestSupplierScorecards(SegmentationCase):
    """The connector records each run's scorecards; buyers rank vendors by risk and follow a
    vendor over the runs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partners = cls.env["res.partner"]
        cls.shifting = partners.create({"name": "Sprocket Ltd", "ref": "V0001"})
        cls.steady = partners.create({"name": "Steady Parts", "ref": "V0002"})

    def _run(self):
        return self.env["inventory.segment.run"].create({"state": "done"})

    def _card(self, partner, score, rank, **values):
        return {
            "partner_id": partner.id,
            "risk_score": score,
            "risk_rank": rank,
            "risk_reason": f"risk {score}/100",
            "risk_parts": [
                {"factor": "drift", "points": score, "max_points": 30, "text": "lead time up"}
            ],
            **values,
        }

    def _record(self, run, *cards):
        return (
            self.env["inventory.segment.vendor.scorecard"]
            .with_user(self.manager)
            .record_scorecards(run.id, list(cards))
        )

    def test_a_run_records_one_scorecard_per_vendor_and_a_retry_adds_nothing(self):
        run = self._run()
        first = self._record(
            run,
            self._card(
                self.shifting,
                91.5,
                1,
                single_sourced_count=2,
                single_sourced_product_ids=[(6, 0, [self.brake_disc.id, self.gasket.id])],
            ),
            self._card(self.steady, 12.0, 2),
        )
        again = self._record(
            run, self._card(self.shifting, 91.5, 1), self._card(self.steady, 12.0, 2)
        )

        self.assertEqual(first, again)
        cards = self.env["inventory.segment.vendor.scorecard"].browse(first)
        self.assertEqual(cards.mapped("risk_level"), ["high", "low"])
        self.assertEqual(cards[0].single_sourced_product_ids, self.brake_disc | self.gasket)
        self.assertTrue(all(cards.mapped("is_latest")))

    def test_only_the_latest_run_is_latest_and_history_stays(self):
        old_run, new_run = self._run(), self._run()
        [old] = self._record(old_run, self._card(self.shifting, 30.0, 1))
        [new] = self._record(new_run, self._card(self.shifting, 60.0, 1))

        cards = self.env["inventory.segment.vendor.scorecard"]
        self.assertFalse(cards.browse(old).is_latest)
        self.assertTrue(cards.browse(new).is_latest)
        history = cards.search([("partner_id", "=", self.shifting.id)])
        self.assertEqual(len(history), 2)
        self.assertEqual(cards.browse(new).risk_level, "high")
        self.assertEqual(cards.browse(old).risk_level, "medium")

    def test_a_buyer_reads_the_ranking_but_cannot_record_or_edit_it(self):
        run = self._run()
        [card_id] = self._record(run, self._card(self.shifting, 91.5, 1))
        as_buyer = self.env["inventory.segment.vendor.scorecard"].with_user(self.buyer)
        [card] = as_buyer.search_read([("is_latest", "=", True)], ["partner_id", "risk_rank"])
        self.assertEqual(card["partner_id"][0], self.shifting.id)
        with self.assertRaisesRegex(AccessError, "Manager"):
            as_buyer.record_scorecards(run.id, [self._card(self.steady, 1, 2)])
        with self.assertRaises(AccessError):
            as_buyer.browse(card_id).write({"risk_score": 0})

    def test_a_scorecard_without_vendor_or_run_is_refused(self):
        run = self._run()
        with self.assertRaisesRegex(UserError, "Scorecard 0 needs a partner_id"):
            self._record(run, {"risk_score": 5})
        with self.assertRaisesRegex(UserError, "no segmentation run"):
            self.env["inventory.segment.vendor.scorecard"].record_scorecards(999_999, [])

    def test_the_vendor_form_counts_its_open_recommendations(self):
        run = self._run()
        [card_id] = self._record(run, self._card(self.shifting, 91.5, 1))
        self.env["inventory.segment.recommendation"].submit_recommendations(
            [
                {
                    "key": "dual_source:BD-100",
                    "rule": "dual_source",
                    "product_id": self.brake_disc.id,
                    "partner_id": self.shifting.id,
                    "reason": "BD-100 is critical and Sprocket Ltd is its only source.",
                    "run_id": run.id,
                }
            ]
        )
        card = self.env["inventory.segment.vendor.scorecard"].browse(card_id)
        self.assertEqual(card.recommendation_count, 1)
        action = card.action_view_recommendations()
        self.assertEqual(action["domain"], [("partner_id", "=", self.shifting.id)])
