from odoo.tests import HttpCase, tagged

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestAcceptTour(HttpCase, SegmentationCase):
    def test_planner_accepts_a_suggestion_in_the_browser(self):
        disc = self._new_part("Tour Brake Disc", "TBD-1")
        suggestion = self._suggestion(disc, 12, 36)

        self.start_tour(
            "/odoo/action-inventory_segmentation.action_inventory_segment_suggestion",
            "inventory_segmentation_accept_suggestion",
            login=self.planner.login,
        )

        self.assertEqual(suggestion.state, "accepted")
        self.assertEqual(suggestion.decision_user_id, self.planner)
        orderpoint = self._orderpoint(disc)
        self.assertEqual((orderpoint.product_min_qty, orderpoint.product_max_qty), (12, 36))
