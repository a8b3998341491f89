from odoo import SUPERUSER_ID, models


class StockWarehouseOrderpoint(models.Model):
    _inherit = "stock.warehouse.orderpoint"

    def _segmentation_accept_vals(self, vals):
        """The values that apply an accepted suggestion to this existing rule: its min/max,
        plus what keeps the rule alive."""
        self.ensure_one()
        vals = dict(vals)
        if not self.active:
            vals["active"] = True
        if self.trigger == "manual" and self.create_uid.id == SUPERUSER_ID:
            # A line the replenishment report created on its own: Odoo deletes those once
            # nothing is to order, which would silently drop the accepted policy.
            vals["trigger"] = "auto"
            if self.snoozed_until:
                vals["snoozed_until"] = False
        return vals
