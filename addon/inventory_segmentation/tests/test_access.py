from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestAccessRights(SegmentationCase):
    def test_groups_form_a_ladder_and_admin_is_manager(self):
        manager = self.env.ref("inventory_segmentation.group_segmentation_manager")
        planner = self.env.ref("inventory_segmentation.group_segmentation_planner")
        user = self.env.ref("inventory_segmentation.group_segmentation_user")
        self.assertIn(planner, manager.all_implied_ids)
        self.assertIn(user, planner.all_implied_ids)
        self.assertNotIn(planner, user.all_implied_ids)
        self.assertTrue(
            self.env.ref("base.user_admin").has_group(
                "inventory_segmentation.group_segmentation_manager"
            )
        )

    def test_buyer_reads_but_cannot_accept_not_even_over_rpc(self):
        suggestion = self._suggestion(self.brake_disc, 10, 30)
        as_buyer = suggestion.with_user(self.buyer)
        self.assertEqual(as_buyer.read(["suggested_min"])[0]["suggested_min"], 10)

        with self.assertRaisesRegex(AccessError, "Planner"):
            as_buyer.action_accept()
        with self.assertRaisesRegex(AccessError, "Planner"):
            as_buyer.action_reject()
        # Nor by writing the state directly, which the ACL forbids to a buyer...
        with self.assertRaises(AccessError):
            as_buyer.write({"suggested_min": 1})
        self.assertEqual(suggestion.state, "pending")
        self.assertFalse(self._orderpoint(self.brake_disc))

    def test_nobody_changes_the_state_outside_accept_and_reject(self):
        suggestion = self._suggestion(self.brake_disc, 10, 30)
        for user in (self.planner, self.manager):
            with self.assertRaisesRegex(UserError, "only through Accept, Reject"):
                suggestion.with_user(user).write({"state": "accepted"})
        with self.assertRaisesRegex(UserError, "always pending"):
            self.env["inventory.segment.suggestion"].create(
                {
                    "product_id": self.wiper.id,
                    "location_id": self.stock_location.id,
                    "suggested_min": 1,
                    "suggested_max": 2,
                    "state": "accepted",
                }
            )

    def test_planner_decides_but_does_not_configure(self):
        with self.assertRaises(AccessError):
            self.critical.with_user(self.planner).write({"service_target": 0.5})
        with self.assertRaises(AccessError):
            self.env["inventory.segment.suggestion"].with_user(self.planner).create(
                {
                    "product_id": self.wiper.id,
                    "location_id": self.stock_location.id,
                    "suggested_min": 1,
                    "suggested_max": 2,
                }
            )
        with self.assertRaisesRegex(AccessError, "Manager"):
            self.env["inventory.segment.event"].with_user(self.planner).record_events(
                [{"kind": "stockout", "message": "Out of stock"}]
            )

    def test_manager_configures_tiers(self):
        self.critical.with_user(self.manager).write({"service_target": 0.995, "auto_apply": True})
        self.assertEqual(self.critical.service_target, 0.995)

    def test_only_a_manager_sets_segmentation_fields_on_a_product(self):
        with self.assertRaisesRegex(AccessError, "Manager"):
            self.brake_disc.with_user(self.planner).write({"segment_locked": True})
        # A manager needs no right to edit products for that: segmentation fields are
        # governed by the segmentation groups.
        self.assertFalse(self.manager.has_group("product.group_product_manager"))
        self.brake_disc.with_user(self.manager).write(
            {"segment_locked": True, "segment_id": self.critical.id}
        )
        self.assertEqual(self.brake_disc.segment_id, self.critical)
        with self.assertRaises(AccessError):
            self.brake_disc.with_user(self.manager).write(
                {"segment_locked": False, "name": "Renamed"}
            )

    def test_a_stock_user_without_segmentation_sees_no_segmentation_data(self):
        clerk = self._new_user("stock_clerk", "stock.group_stock_user")
        with self.assertRaises(AccessError):
            self.env["inventory.segment.suggestion"].with_user(clerk).search([])
        product = self.brake_disc.with_user(clerk)
        self.assertNotIn("segment_suggestion_count", product.fields_get())
        product.read(["name", "abc_class"])  # stored product fields stay readable

    def test_write_back_methods_need_a_manager(self):
        with self.assertRaisesRegex(AccessError, "Manager"):
            self.env["product.product"].with_user(self.planner).write_segmentation(
                [{"id": self.brake_disc.id, "abc_class": "A"}]
            )
        with self.assertRaisesRegex(AccessError, "Manager"):
            self.env["inventory.segment.suggestion"].with_user(self.planner).submit_pending(
                [
                    {
                        "product_id": self.wiper.id,
                        "location_id": self.stock_location.id,
                        "suggested_min": 1,
                        "suggested_max": 2,
                    }
                ]
            )
