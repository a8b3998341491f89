from odoo import api, fields, models
from odoo.exceptions import UserError

from .access import GROUP_MANAGER, check_segmentation_role


class InventorySegmentEvent(models.Model):
    _name = "inventory.segment.event"
    _description = "Segmentation Event"
    _order = "date desc, id desc"
    _rec_name = "message"
    _check_company_auto = True

    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    kind = fields.Selection(
        [
            ("segment_change", "Segment change"),
            ("manual_override", "Manual override"),
            ("lead_time_shift", "Lead-time shift"),
            ("late_receipt", "Late receipt"),
            ("promised_delay_change", "Promised lead-time change"),
            ("demand_shift", "Demand shift"),
            ("stockout", "Stockout"),
            ("new_item", "New item"),
            ("obsolete_item", "Item gone obsolete"),
        ],
        required=True,
        index=True,
    )
    severity = fields.Selection(
        [("info", "Info"), ("warning", "Warning"), ("alert", "Alert")],
        required=True,
        default="info",
    )
    product_id = fields.Many2one(
        "product.product", index="btree_not_null", ondelete="cascade", check_company=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Vendor", index="btree_not_null", check_company=True
    )
    old_segment_id = fields.Many2one(
        "inventory.segment", string="From Segment", ondelete="set null"
    )
    new_segment_id = fields.Many2one("inventory.segment", string="To Segment", ondelete="set null")
    metric_values = fields.Json(help="The evidence behind the event, by metric name.")
    message = fields.Text(required=True)
    run_id = fields.Many2one(
        "inventory.segment.run", index="btree_not_null", ondelete="set null", check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    dedup_key = fields.Char(
        copy=False,
        help="Chosen by the connector from what the event is about (e.g. "
        "late_receipt:stock.move:812), so that a re-run never records the event twice.",
    )

    _dedup_key_uniq = models.UniqueIndex(
        "(company_id, dedup_key) WHERE dedup_key IS NOT NULL",
        "An event with this key was already recorded in this company.",
    )

    @api.model
    def record_events(self, vals_list):
        """Create the events whose ``dedup_key`` is new in their company and return one id
        per input, in order, so that a re-run after an interruption adds nothing."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("record segmentation events"))
        if not isinstance(vals_list, list) or not all(isinstance(v, dict) for v in vals_list):
            raise UserError(self.env._("record_events expects a list of value dictionaries."))
        identities = {self._dedup_identity(vals) for vals in vals_list} - {None}
        existing_ids = {}
        if identities:
            existing = self.search(
                [
                    ("dedup_key", "in", [key for __, key in identities]),
                    ("company_id", "in", [company for company, __ in identities]),
                ]
            )
            existing_ids = {(event.company_id.id, event.dedup_key): event.id for event in existing}
        # Each input resolves to an existing id or to its slot among the records created now;
        # a key repeated within the call resolves to the first slot.
        to_create, new_slot, resolved = [], {}, []
        for vals in vals_list:
            identity = self._dedup_identity(vals)
            if identity in existing_ids:
                resolved.append(("existing", existing_ids[identity]))
            elif identity in new_slot:
                resolved.append(("new", new_slot[identity]))
            else:
                if identity is not None:
                    new_slot[identity] = len(to_create)
                resolved.append(("new", len(to_create)))
                to_create.append(vals)
        created = self.create(to_create)
        return [value if kind == "existing" else created[value].id for kind, value in resolved]

    def _dedup_identity(self, vals):
        if not vals.get("dedup_key"):
            return None
        return (vals.get("company_id") or self.env.company.id, vals["dedup_key"])
