from odoo import Command
from odoo.tests import tagged

from .common import SegmentationCase

WEEKLY_DEMAND = {"period": "week", "start": "2025-W01", "values": [4, 0, 6, 3]}


@tagged("post_install", "-at_install")
class TestTemplateSegmentationSummary(SegmentationCase):
    """Inventory > Products opens the template form: a buyer sees there what the variant form
    shows, as long as the template has a single variant."""

    def _segment(self, product, reason, **values):
        self.env["product.product"].write_segmentation(
            [
                {
                    "id": product.id,
                    "segment_id": self.essential.id,
                    "abc_class": "B",
                    "xyz_class": "Y",
                    "demand_pattern": "erratic",
                    "segment_reason": reason,
                    "demand_history": WEEKLY_DEMAND,
                    **values,
                }
            ]
        )

    def test_a_single_variant_template_shows_its_variant(self):
        self._segment(self.brake_disc, "Essential: B class, lead time 21 days ± 6.")
        self.brake_disc.with_user(self.manager).segment_locked = True
        suggestion = self._suggestion(self.brake_disc, 12, 36)

        template = self.brake_disc.product_tmpl_id.with_user(self.buyer)
        self.assertEqual(template.segment_suggestion_id, suggestion)
        self.assertEqual(template.segment_reason, "Essential: B class, lead time 21 days ± 6.")
        self.assertTrue(template.segment_locked)
        self.assertEqual(template.demand_history, WEEKLY_DEMAND)

        # The form reads the suggestion's figures in the same request, as the widget asks.
        [values] = template.web_read(
            {
                "segment_suggestion_id": {
                    "fields": {
                        "suggested_min": {},
                        "suggested_max": {},
                        "reason": {},
                        "warehouse_id": {"fields": {"display_name": {}}},
                    }
                },
                "segment_reason": {},
                "segment_locked": {},
                "demand_history": {},
            }
        )
        self.assertEqual(values["segment_suggestion_id"]["suggested_min"], 12)
        self.assertEqual(values["segment_suggestion_id"]["suggested_max"], 36)
        self.assertEqual(values["segment_suggestion_id"]["warehouse_id"]["id"], self.warehouse.id)
        self.assertEqual(values["demand_history"], WEEKLY_DEMAND)

        # The next run's reason reaches the template without a reload.
        self._segment(self.brake_disc, "Essential: lead time now 28 days ± 9.")
        self.assertEqual(template.segment_reason, "Essential: lead time now 28 days ± 9.")

    def test_a_template_with_two_variants_shows_none(self):
        side = self.env["product.attribute"].create(
            {
                "name": "Side",
                "value_ids": [Command.create({"name": "Left"}), Command.create({"name": "Right"})],
            }
        )
        template = self.env["product.template"].create(
            {
                "name": "Mirror Glass",
                "type": "consu",
                "is_storable": True,
                "attribute_line_ids": [
                    Command.create(
                        {"attribute_id": side.id, "value_ids": [Command.set(side.value_ids.ids)]}
                    )
                ],
            }
        )
        left, right = template.product_variant_ids
        self._segment(left, "Essential: B class.")
        self._segment(right, "Essential: B class.")
        left.with_user(self.manager).segment_locked = True
        self._suggestion(left, 4, 10)

        template = template.with_user(self.buyer)
        self.assertEqual(template.segment_id, self.essential, "the lead variant's tier stays")
        self.assertFalse(template.segment_suggestion_id)
        self.assertFalse(template.segment_reason)
        self.assertFalse(template.segment_locked)
        self.assertFalse(template.demand_history)
