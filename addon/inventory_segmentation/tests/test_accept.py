from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestAcceptSuggestion(SegmentationCase):
    def test_planner_accepts_and_a_rule_is_created(self):
        suggestion = self._suggestion(self.brake_disc, 12, 40)

        suggestion.with_user(self.planner).action_accept()

        orderpoint = self._orderpoint(self.brake_disc)
        self.assertEqual(len(orderpoint), 1)
        self.assertEqual((orderpoint.product_min_qty, orderpoint.product_max_qty), (12, 40))
        self.assertEqual(orderpoint.trigger, "auto")
        self.assertEqual(orderpoint.warehouse_id, self.warehouse)
        self.assertEqual(suggestion.state, "accepted")
        self.assertEqual(suggestion.orderpoint_id, orderpoint)
        self.assertEqual(suggestion.decision_user_id, self.planner)
        self.assertTrue(suggestion.decision_date)
        self.assertFalse(suggestion.auto_applied)

    def test_accept_updates_the_existing_rule_instead_of_duplicating_it(self):
        inventory_admin = self.env.ref("base.user_admin")
        existing = (
            self.env["stock.warehouse.orderpoint"]
            .with_user(inventory_admin)
            .create(
                {
                    "product_id": self.brake_disc.id,
                    "location_id": self.stock_location.id,
                    "product_min_qty": 5,
                    "product_max_qty": 10,
                    "trigger": "manual",
                }
            )
        )
        suggestion = self._suggestion(self.brake_disc, 30, 90)

        suggestion.with_user(self.planner).action_accept()

        self.assertEqual(self._orderpoint(self.brake_disc), existing)
        self.assertEqual((existing.product_min_qty, existing.product_max_qty), (30, 90))
        self.assertEqual(existing.trigger, "manual", "a planner's manual rule stays manual")
        self.assertEqual(suggestion.orderpoint_id, existing)

    def test_accept_revives_an_archived_rule(self):
        archived = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.wiper.id,
                "location_id": self.stock_location.id,
                "product_min_qty": 1,
                "product_max_qty": 2,
                "active": False,
            }
        )
        self._suggestion(self.wiper, 4, 8).with_user(self.planner).action_accept()

        self.assertEqual(self._orderpoint(self.wiper), archived)
        self.assertTrue(archived.active)
        self.assertEqual((archived.product_min_qty, archived.product_max_qty), (4, 8))

    def test_accept_keeps_a_replenishment_report_line_from_being_deleted(self):
        # The replenishment report creates manual rules as OdooBot and deletes them once
        # nothing is to order; an accepted policy must not vanish that way.
        report_line = (
            self.env["stock.warehouse.orderpoint"]
            .with_user(SUPERUSER_ID)
            .create(
                {
                    "product_id": self.gasket.id,
                    "location_id": self.stock_location.id,
                    "product_min_qty": 0,
                    "product_max_qty": 0,
                    "trigger": "manual",
                }
            )
        )
        self._suggestion(self.gasket, 3, 9).with_user(self.planner).action_accept()

        self.assertEqual(report_line.trigger, "auto")
        self.assertFalse(report_line._unlink_processed_orderpoints())
        self.assertTrue(report_line.exists())

    def test_min_above_max_is_refused_with_the_product_named(self):
        suggestion = self._suggestion(self.brake_disc, 50, 20)

        with self.assertRaisesRegex(UserError, r"Brake Disc.*min \(50.*above.*max \(20"):
            suggestion.with_user(self.planner).action_accept()

        self.assertEqual(suggestion.state, "pending")
        self.assertFalse(self._orderpoint(self.brake_disc))

    def test_bulk_accept_applies_every_selected_suggestion(self):
        suggestions = (
            self._suggestion(self.brake_disc, 10, 30)
            | self._suggestion(self.wiper, 2, 6)
            | self._suggestion(self.gasket, 1, 3)
        )

        action = suggestions.with_user(self.planner).action_accept()

        self.assertEqual(set(suggestions.mapped("state")), {"accepted"})
        self.assertEqual(self._orderpoint(self.wiper).product_max_qty, 6)
        self.assertIn("3 reordering rule", action["params"]["message"])

    def test_bulk_accept_is_all_or_nothing(self):
        good = self._suggestion(self.brake_disc, 10, 30)
        bad = self._suggestion(self.wiper, 9, 3)

        with self.assertRaisesRegex(UserError, "Wiper Blade"):
            (good | bad).with_user(self.planner).action_accept()

        self.assertEqual(good.state, "pending")
        self.assertFalse(self._orderpoint(self.brake_disc))

    def test_accepting_twice_is_harmless(self):
        # The connector may retry a call that timed out after the server committed it.
        suggestion = self._suggestion(self.brake_disc, 10, 30)
        suggestion.with_user(self.planner).action_accept()
        decided_on = suggestion.decision_date

        suggestion.with_user(self.planner).action_accept()

        self.assertEqual(suggestion.decision_date, decided_on)
        self.assertEqual(len(self._orderpoint(self.brake_disc)), 1)

    def test_a_rejected_suggestion_cannot_be_accepted_later(self):
        suggestion = self._suggestion(self.brake_disc, 10, 30)
        suggestion.with_user(self.planner).action_reject()

        with self.assertRaisesRegex(UserError, "Brake Disc.*already rejected"):
            suggestion.with_user(self.planner).action_accept()
        self.assertFalse(self._orderpoint(self.brake_disc))

    def test_reject_records_who_and_when_and_leaves_the_rule_alone(self):
        suggestion = self._suggestion(self.brake_disc, 10, 30)

        suggestion.with_user(self.planner).action_reject()

        self.assertEqual(suggestion.state, "rejected")
        self.assertEqual(suggestion.decision_user_id, self.planner)
        self.assertFalse(self._orderpoint(self.brake_disc))

    def test_planner_corrects_a_quantity_before_accepting(self):
        suggestion = self._suggestion(self.brake_disc, 10, 30)

        suggestion.with_user(self.planner).write({"suggested_max": 45})
        suggestion.with_user(self.planner).action_accept()

        self.assertEqual(self._orderpoint(self.brake_disc).product_max_qty, 45)
        self.assertEqual(suggestion.max_delta, 45)
        with self.assertRaisesRegex(UserError, "Only pending suggestions"):
            suggestion.with_user(self.planner).write({"suggested_max": 50})

    def test_locked_segment_needs_a_manager(self):
        self.brake_disc.write({"segment_locked": True, "segment_id": self.critical.id})
        suggestion = self._suggestion(self.brake_disc, 10, 30)

        with self.assertRaisesRegex(AccessError, "Brake Disc.*locked"):
            suggestion.with_user(self.planner).action_accept()
        self.assertFalse(self._orderpoint(self.brake_disc))

        suggestion.with_user(self.manager).action_accept()
        self.assertEqual(self._orderpoint(self.brake_disc).product_min_qty, 10)

    def test_a_service_product_cannot_receive_a_rule(self):
        service = self.env["product.product"].create({"name": "Calibration", "type": "service"})
        suggestion = self._suggestion(service, 1, 2)

        with self.assertRaisesRegex(UserError, "Calibration is not tracked in stock"):
            suggestion.with_user(self.planner).action_accept()

    def test_auto_apply_takes_only_flagged_unlocked_tiers(self):
        self.critical.auto_apply = True
        flagged = self._suggestion(self.brake_disc, 10, 30, segment_id=self.critical.id)
        not_flagged = self._suggestion(self.wiper, 2, 6, segment_id=self.standard.id)
        self.gasket.write({"segment_locked": True, "segment_id": self.critical.id})
        locked = self._suggestion(self.gasket, 1, 3, segment_id=self.critical.id)
        unfit = self._suggestion(
            self.brake_disc,
            9,
            3,
            segment_id=self.critical.id,
            location_id=self._second_location().id,
        )

        applied = (
            (flagged | not_flagged | locked | unfit).with_user(self.manager).action_auto_apply()
        )

        self.assertEqual(applied, flagged.ids)
        self.assertTrue(flagged.auto_applied)
        self.assertEqual(self._orderpoint(self.brake_disc).product_max_qty, 30)
        self.assertEqual((not_flagged | locked | unfit).mapped("state"), ["pending"] * 3)

    def _second_location(self):
        return self.env["stock.location"].create(
            {"name": "Shelf 2", "usage": "internal", "location_id": self.stock_location.id}
        )
