from odoo import models
from odoo.tools.sql import create_index


class StockQuant(models.Model):
    _inherit = "stock.quant"

    def init(self):
        # Watch mode polls quants changed since its cursor (see stock_move.py).
        create_index(
            self.env.cr,
            "stock_quant_write_date_id_index",
            self._table,
            ["write_date", "id"],
        )
