from psycopg2.errors import UniqueViolation

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SegmentationCase


@tagged("post_install", "-at_install")
class TestConnectorWriteBack(SegmentationCase):
    """What the connector writes can be written again after an interruption without
    leaving duplicates behind."""

    def _proposal(self, product, suggested_min, suggested_max, **values):
        return {
            "product_id": product.id,
            "location_id": self.stock_location.id,
            "suggested_min": suggested_min,
            "suggested_max": suggested_max,
            "segment_id": self.essential.id,
            **values,
        }

    def _submit(self, *proposals):
        return (
            self.env["inventory.segment.suggestion"]
            .with_user(self.manager)
            .submit_pending(list(proposals))
        )

    def _suggestions(self, product):
        return self.env["inventory.segment.suggestion"].search(
            [("product_id", "=", product.id)], order="id"
        )

    def test_resubmitting_the_same_proposal_keeps_one_pending(self):
        first = self._submit(self._proposal(self.brake_disc, 10, 30, reason="first run"))
        again = self._submit(self._proposal(self.brake_disc, 10, 30, reason="re-run"))

        self.assertEqual(first, again)
        pending = self._suggestions(self.brake_disc)
        self.assertEqual(len(pending), 1)
        self.assertEqual(pending.reason, "re-run")

    def test_a_new_proposal_supersedes_the_pending_one(self):
        [old_id] = self._submit(self._proposal(self.brake_disc, 10, 30))
        [new_id] = self._submit(self._proposal(self.brake_disc, 14, 40))

        old, new = self._suggestions(self.brake_disc)
        self.assertEqual((old.id, new.id), (old_id, new_id))
        self.assertEqual((old.state, new.state), ("superseded", "pending"))

    def test_one_pending_per_product_and_location_is_enforced_by_the_database(self):
        self._suggestion(self.brake_disc, 10, 30)
        with self.assertRaises(UniqueViolation), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self._suggestion(self.brake_disc, 12, 30)

    def test_a_proposal_equal_to_the_current_rule_creates_nothing(self):
        self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.wiper.id,
                "location_id": self.stock_location.id,
                "product_min_qty": 4,
                "product_max_qty": 12,
            }
        )
        self.assertEqual(self._submit(self._proposal(self.wiper, 4, 12)), [False])
        self.assertFalse(self._suggestions(self.wiper))

    def test_current_quantities_are_filled_from_the_rule(self):
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.wiper.id,
                "location_id": self.stock_location.id,
                "product_min_qty": 4,
                "product_max_qty": 12,
            }
        )
        self._submit(self._proposal(self.wiper, 6, 18))
        suggestion = self._suggestions(self.wiper)
        self.assertEqual(suggestion.orderpoint_id, orderpoint)
        self.assertEqual((suggestion.current_min, suggestion.current_max), (4, 12))
        self.assertEqual((suggestion.min_delta, suggestion.max_delta), (2, 6))

    def test_a_rejected_proposal_is_not_proposed_again(self):
        [first] = self._submit(self._proposal(self.gasket, 3, 9))
        self.env["inventory.segment.suggestion"].browse(first).with_user(
            self.planner
        ).action_reject()

        self.assertEqual(self._submit(self._proposal(self.gasket, 3, 9)), [False])
        [changed] = self._submit(self._proposal(self.gasket, 5, 9))
        self.assertTrue(changed)

    def test_a_proposal_missing_a_quantity_is_refused_naming_it(self):
        with self.assertRaisesRegex(UserError, "Proposal 1 lacks suggested_max"):
            self._submit(
                self._proposal(self.wiper, 1, 2),
                {
                    "product_id": self.gasket.id,
                    "location_id": self.stock_location.id,
                    "suggested_min": 0,
                },
            )
        self.assertFalse(self._suggestions(self.wiper), "nothing half-written")

    def test_two_proposals_for_one_location_in_one_call_are_refused(self):
        with self.assertRaisesRegex(UserError, "Proposals 0 and 2 are for the same product"):
            self._submit(
                self._proposal(self.wiper, 1, 2),
                self._proposal(self.gasket, 1, 2),
                self._proposal(self.wiper, 3, 4),
            )
        self.assertFalse(self._suggestions(self.gasket), "nothing half-written")

    def test_events_are_recorded_once_per_key(self):
        events = self.env["inventory.segment.event"].with_user(self.manager)
        late = {
            "kind": "late_receipt",
            "severity": "warning",
            "product_id": self.brake_disc.id,
            "message": "Receipt of Brake Disc arrived 20 days late.",
            "metric_values": {"delay_days": 20, "control_limit_days": 9.5},
            "dedup_key": "late_receipt:stock.move:812",
        }
        first = events.record_events([late, {**late, "dedup_key": "late_receipt:stock.move:813"}])
        second = events.record_events([late, late])

        self.assertEqual(second, [first[0], first[0]])
        recorded = events.search([("product_id", "=", self.brake_disc.id)])
        self.assertEqual(len(recorded), 2)
        self.assertEqual(recorded[0].metric_values["delay_days"], 20)

    def test_the_same_key_may_exist_in_two_companies(self):
        vals = {"kind": "stockout", "message": "Out of stock", "dedup_key": "stockout:42"}
        ids = self.env["inventory.segment.event"].record_events(
            [vals, {**vals, "company_id": self.company_b.id}]
        )
        self.assertEqual(len(set(ids)), 2)

    def test_write_segmentation_keeps_a_locked_segment_but_refreshes_metrics(self):
        self.brake_disc.write({"segment_locked": True, "segment_id": self.critical.id})
        result = (
            self.env["product.product"]
            .with_user(self.manager)
            .write_segmentation(
                [
                    {
                        "id": self.brake_disc.id,
                        "segment_id": self.standard.id,
                        "demand_cv": 0.4,
                        "segment_deescalation_streak": 2,
                    },
                    {
                        "id": self.wiper.id,
                        "segment_id": self.standard.id,
                        "abc_class": "C",
                        "demand_history": {
                            "period": "week",
                            "start": "2025-W01",
                            "values": [1, 0, 3],
                        },
                    },
                ]
            )
        )
        self.assertEqual(
            result, {"updated": [self.brake_disc.id, self.wiper.id], "locked": [self.brake_disc.id]}
        )
        self.assertEqual(self.brake_disc.segment_id, self.critical)
        self.assertEqual(self.brake_disc.segment_deescalation_streak, 0)
        self.assertEqual(self.brake_disc.demand_cv, 0.4)
        self.assertEqual(self.wiper.segment_id, self.standard)
        self.assertEqual(self.wiper.demand_history["values"], [1, 0, 3])
        self.assertFalse(
            self.env["inventory.segment.event"].search([("product_id", "=", self.wiper.id)]),
            "the connector records its own segment-change events",
        )

    def test_write_segmentation_refuses_the_lock_and_unknown_fields(self):
        with self.assertRaisesRegex(UserError, "Row 0 .*segment_locked"):
            self.env["product.product"].write_segmentation(
                [{"id": self.wiper.id, "segment_locked": True}]
            )
        with self.assertRaisesRegex(UserError, "Row 0 .*list_price"):
            self.env["product.product"].write_segmentation([{"id": self.wiper.id, "list_price": 1}])
        with self.assertRaisesRegex(UserError, "No product with id 987654321"):
            self.env["product.product"].write_segmentation([{"id": 987654321, "abc_class": "A"}])

    def test_connector_run_key_is_unique_per_company(self):
        runs = self.env["inventory.segment.run"]
        runs.create({"connector_run_key": "3f1c-run"})
        runs.create({"connector_run_key": "3f1c-run", "company_id": self.company_b.id})
        with self.assertRaises(UniqueViolation), mute_logger("odoo.sql_db"), self.cr.savepoint():
            runs.create({"connector_run_key": "3f1c-run"})

    def test_kpis_are_one_row_per_segment_and_warehouse(self):
        run = self.env["inventory.segment.run"].create({"state": "done"})
        kpis = [(0, 0, {"segment_id": self.critical.id, "item_count": 3, "inventory_value": 900.0})]
        run.write({"kpi_ids": kpis})
        run.write({"kpi_ids": [(5, 0, 0)] + kpis})  # re-written after a retry
        self.assertEqual(len(run.kpi_ids), 1)
        with self.assertRaises(UniqueViolation), mute_logger("odoo.sql_db"), self.cr.savepoint():
            run.write({"kpi_ids": kpis})
