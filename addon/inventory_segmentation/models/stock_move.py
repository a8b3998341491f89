from odoo import models
from odoo.tools.sql import create_index


class StockMove(models.Model):
    _inherit = "stock.move"

    def init(self):
        # The connector's watch mode asks every poll for moves changed since its cursor; without
        # this index that is a scan of every move (about 60 ms on 300,000 moves), with it a lookup.
        create_index(
            self.env.cr,
            "stock_move_write_date_id_index",
            self._table,
            ["write_date", "id"],
        )
