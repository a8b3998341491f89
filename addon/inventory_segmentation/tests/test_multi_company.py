from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestMultiCompany(SegmentationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.part_b = cls._new_part("Company B Pump", "PB-1", company_id=cls.company_b.id)
        cls.suggestion_b = cls._suggestion(
            cls.part_b,
            5,
            15,
            location_id=cls.warehouse_b.lot_stock_id.id,
            company_id=cls.company_b.id,
        )
        cls.run_b = cls.env["inventory.segment.run"].create(
            {"company_id": cls.company_b.id, "state": "done"}
        )
        cls.event_b = cls.env["inventory.segment.event"].create(
            {
                "kind": "stockout",
                "message": "Company B Pump is out of stock.",
                "company_id": cls.company_b.id,
                "run_id": cls.run_b.id,
            }
        )
        cls.kpi_b = cls.env["inventory.segment.run.kpi"].create(
            {"run_id": cls.run_b.id, "segment_id": cls.critical.id, "item_count": 3}
        )
        cls.suggestion_a = cls._suggestion(cls.brake_disc, 10, 30)

    def test_another_companys_records_are_invisible(self):
        for model, record in (
            ("inventory.segment.suggestion", self.suggestion_b),
            ("inventory.segment.event", self.event_b),
            ("inventory.segment.run", self.run_b),
            ("inventory.segment.run.kpi", self.kpi_b),
        ):
            with self.subTest(model=model):
                visible = self.env[model].with_user(self.manager).search([])
                self.assertNotIn(record, visible)
                with self.assertRaises(AccessError):
                    record.with_user(self.manager).read(["id"])
        self.assertIn(
            self.suggestion_a,
            self.env["inventory.segment.suggestion"].with_user(self.planner).search([]),
        )

    def test_a_planner_cannot_accept_another_companys_suggestion(self):
        with self.assertRaises(AccessError):
            self.suggestion_b.with_user(self.planner).action_accept()
        self.assertEqual(self.suggestion_b.state, "pending")

    def test_a_planner_of_both_companies_accepts_into_the_right_company(self):
        both = self.company | self.company_b
        planner_ab = self._new_user(
            "seg_planner_ab", "inventory_segmentation.group_segmentation_planner", companies=both
        )
        self.suggestion_b.with_user(planner_ab).with_context(
            allowed_company_ids=both.ids
        ).action_accept()

        orderpoint = self._orderpoint(self.part_b, self.warehouse_b.lot_stock_id)
        self.assertEqual(orderpoint.company_id, self.company_b)
        self.assertEqual(orderpoint.product_max_qty, 15)

    def test_shared_tiers_are_visible_to_every_company(self):
        user_b = self._new_user(
            "seg_user_b", "inventory_segmentation.group_segmentation_user", companies=self.company_b
        )
        codes = self.env["inventory.segment"].with_user(user_b).search([]).mapped("code")
        self.assertEqual(codes, ["critical", "essential", "standard", "obsolete"])
