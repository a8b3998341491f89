from odoo import Command
from odoo.tests import tagged

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestSegmentTags(SegmentationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        size = cls.env["product.attribute"].create(
            {
                "name": "Disc size",
                "value_ids": [
                    Command.create({"name": "280 mm"}),
                    Command.create({"name": "320 mm"}),
                ],
            }
        )
        cls.disc_template = cls.env["product.template"].create(
            {
                "name": "Vented Disc",
                "type": "consu",
                "is_storable": True,
                "attribute_line_ids": [
                    Command.create(
                        {"attribute_id": size.id, "value_ids": [Command.set(size.value_ids.ids)]}
                    )
                ],
            }
        )
        cls.small_disc, cls.large_disc = cls.disc_template.product_variant_ids

    def _tier_tags(self, template):
        tier_tags = self.env["inventory.segment"].search([]).tag_id
        return template.product_tag_ids & tier_tags

    def test_the_tag_follows_the_segment(self):
        template = self.wiper.product_tmpl_id
        self.env["product.product"].write_segmentation(
            [{"id": self.wiper.id, "segment_id": self.standard.id}]
        )
        self.assertEqual(self._tier_tags(template), self.standard.tag_id)

        self.env["product.product"].write_segmentation(
            [{"id": self.wiper.id, "segment_id": self.critical.id}]
        )
        self.assertEqual(self._tier_tags(template), self.critical.tag_id)
        self.assertEqual(template.segment_id, self.critical)

    def test_other_tags_are_left_alone(self):
        template = self.wiper.product_tmpl_id
        seasonal = self.env["product.tag"].create({"name": "Seasonal"})
        template.product_tag_ids = [Command.link(seasonal.id)]

        self.env["product.product"].write_segmentation(
            [{"id": self.wiper.id, "segment_id": self.obsolete.id}]
        )

        self.assertEqual(template.product_tag_ids, seasonal | self.obsolete.tag_id)

    def test_the_template_carries_its_most_critical_variant(self):
        self.env["product.product"].write_segmentation(
            [
                {"id": self.small_disc.id, "segment_id": self.standard.id, "abc_class": "C"},
                {"id": self.large_disc.id, "segment_id": self.essential.id, "abc_class": "A"},
            ]
        )
        self.assertEqual(self.disc_template.segment_id, self.essential)
        self.assertEqual(self.disc_template.abc_class, "A")
        self.assertEqual(self._tier_tags(self.disc_template), self.essential.tag_id)

        # The critical variant is archived: the template falls back to the other one.
        self.large_disc.action_archive()
        self.assertEqual(self.disc_template.segment_id, self.standard)
        self.assertEqual(self._tier_tags(self.disc_template), self.standard.tag_id)

    def test_a_manager_choosing_another_tag_for_a_tier_retags_its_products(self):
        self.env["product.product"].write_segmentation(
            [{"id": self.gasket.id, "segment_id": self.critical.id}]
        )
        old_tag = self.critical.tag_id
        new_tag = self.env["product.tag"].create({"name": "Line-stopper"})

        self.critical.with_user(self.manager).tag_id = new_tag

        self.assertEqual(self._tier_tags(self.gasket.product_tmpl_id), new_tag)
        self.assertNotIn(old_tag, self.gasket.product_tmpl_id.product_tag_ids)

    def test_a_manual_override_moves_the_tag_and_is_recorded(self):
        self.brake_disc.with_user(self.manager).write(
            {"segment_locked": True, "segment_id": self.critical.id}
        )

        self.assertEqual(self._tier_tags(self.brake_disc.product_tmpl_id), self.critical.tag_id)
        event = self.env["inventory.segment.event"].search(
            [("product_id", "=", self.brake_disc.id)]
        )
        self.assertEqual(event.kind, "manual_override")
        self.assertEqual(event.new_segment_id, self.critical)
        self.assertIn("locked", event.message)
