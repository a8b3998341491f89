from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class SegmentationCase(TransactionCase):
    """A small plant: a buyer, a planner and a manager of segmentation, a few storable
    parts in the main warehouse, and a second company with its own warehouse."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock_location = cls.warehouse.lot_stock_id

        cls.critical = cls.env.ref("inventory_segmentation.segment_critical")
        cls.essential = cls.env.ref("inventory_segmentation.segment_essential")
        cls.standard = cls.env.ref("inventory_segmentation.segment_standard")
        cls.obsolete = cls.env.ref("inventory_segmentation.segment_obsolete")

        cls.buyer = cls._new_user("seg_buyer", "inventory_segmentation.group_segmentation_user")
        cls.planner = cls._new_user(
            "seg_planner", "inventory_segmentation.group_segmentation_planner"
        )
        cls.manager = cls._new_user(
            "seg_manager", "inventory_segmentation.group_segmentation_manager"
        )

        cls.brake_disc = cls._new_part("Brake Disc", "BD-100")
        cls.wiper = cls._new_part("Wiper Blade", "WB-200")
        cls.gasket = cls._new_part("Head Gasket", "HG-300")

        cls.company_b = cls.env["res.company"].create({"name": "Segmentation Company B"})
        cls.warehouse_b = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company_b.id)], limit=1
        )

    @classmethod
    def _new_user(cls, login, group_xml_id, companies=None):
        companies = companies or cls.company
        return new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,{group_xml_id}",
            company_id=companies[0].id,
            company_ids=[Command.set(companies.ids)],
        )

    @classmethod
    def _new_part(cls, name, code, **values):
        return cls.env["product.product"].create(
            {
                "name": name,
                "default_code": code,
                "type": "consu",
                "is_storable": True,
                "standard_price": 40.0,
                **values,
            }
        )

    @classmethod
    def _suggestion(cls, product, suggested_min, suggested_max, **values):
        """A pending suggestion as the connector leaves it (created with full rights)."""
        return cls.env["inventory.segment.suggestion"].create(
            {
                "product_id": product.id,
                "location_id": values.pop("location_id", cls.stock_location.id),
                "suggested_min": suggested_min,
                "suggested_max": suggested_max,
                "segment_id": values.pop("segment_id", cls.essential.id),
                "reason": "Essential: B class, lead time 21 days ± 6.",
                **values,
            }
        )

    def _orderpoint(self, product, location=None):
        return (
            self.env["stock.warehouse.orderpoint"]
            .with_context(active_test=False)
            .search(
                [
                    ("product_id", "=", product.id),
                    ("location_id", "=", (location or self.stock_location).id),
                ]
            )
        )
