from odoo import api, fields, models
from odoo.exceptions import UserError

from .access import GROUP_MANAGER, GROUP_PLANNER, check_segmentation_role

# What watch_poll may read: the models the connector's watch mode follows by cursor.
_WATCHED_MODELS = {"stock.move", "stock.quant", "product.supplierinfo"}


class InventorySegmentRun(models.Model):
    _name = "inventory.segment.run"
    _description = "Segmentation Run"
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env["ir.sequence"].next_by_code("inventory.segment.run") or "/",
    )
    mode = fields.Selection(
        [
            ("full", "Full"),
            ("incremental", "Incremental"),
            ("watch", "Watch"),
            ("requested", "Requested from Odoo"),
        ],
        required=True,
        default="full",
    )
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        required=True,
        default="running",
        index=True,
    )
    requested_by_id = fields.Many2one("res.users", string="Requested By")
    date_start = fields.Datetime(string="Started")
    date_end = fields.Datetime(string="Ended")
    duration_seconds = fields.Float(
        string="Duration (s)", compute="_compute_duration_seconds", store=True
    )
    connector_run_key = fields.Char(
        copy=False,
        help="Chosen by the connector when it starts the run, so that a retried start "
        "finds this run instead of creating a second one.",
    )
    connector_version = fields.Char()
    warehouse_id = fields.Many2one(
        "stock.warehouse", check_company=True, help="Set when the run was limited to one warehouse."
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    product_count = fields.Integer(string="Products")
    skipped_count = fields.Integer(
        string="Skipped", help="Products left out: archived, services, consumables not tracked."
    )
    suggestion_count = fields.Integer(string="Suggestions")
    event_count = fields.Integer(string="Events")
    sync_cursor = fields.Json(copy=False, help="The connector's resume point per source model.")
    product_baseline = fields.Json(
        copy=False,
        help="The products' segmentation memory before the run wrote anything; a run "
        "resuming this one after an interruption plans from it.",
    )
    error = fields.Text(copy=False)
    cost_service_curves = fields.Json(copy=False)
    kpi_ids = fields.One2many("inventory.segment.run.kpi", "run_id", string="KPIs per Segment")

    _connector_run_key_uniq = models.UniqueIndex(
        "(company_id, connector_run_key) WHERE connector_run_key IS NOT NULL",
        "A run with this connector run key already exists in this company.",
    )

    @api.depends("date_start", "date_end")
    def _compute_duration_seconds(self):
        for run in self:
            if run.date_start and run.date_end:
                run.duration_seconds = (run.date_end - run.date_start).total_seconds()
            else:
                run.duration_seconds = 0.0

    def action_request_run(self):
        """“Recompute now”: queue a run for the connector, once per company. Not an
        ``api.model`` method so that a list-header button can call it; ids are ignored."""
        check_segmentation_role(self.env, GROUP_PLANNER, self.env._("request a recompute"))
        run = self.search(
            [("state", "=", "requested"), ("company_id", "=", self.env.company.id)], limit=1
        )
        if run:
            message = self.env._("A recompute is already waiting for the connector (%s).", run.name)
        else:
            # Planners may queue a run but not edit runs: create it with elevated rights.
            run = self.sudo().create(
                {
                    "mode": "requested",
                    "state": "requested",
                    "requested_by_id": self.env.uid,
                    "company_id": self.env.company.id,
                }
            )
            message = self.env._(
                "Recompute requested (%s): the connector picks it up at its next poll.", run.name
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Recompute now"),
                "message": message,
                "type": "success",
                "run_id": run.id,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def watch_poll(self, run_id, reads, beat=False):
        """One poll of the connector's watch mode, in one request: the changes it asks for
        (``reads``: per watched model, a ``domain``, the ``fields`` and a ``limit``, read in
        ``write_date, id`` order with the caller's rights), the runs requested from Odoo and the
        watch's own run, and the server's time. With ``beat``, the run's heartbeat is written too.
        Reading is all it does otherwise, so a retry is harmless."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("poll for changes"))
        if not isinstance(reads, dict) or not set(reads) <= _WATCHED_MODELS:
            raise UserError(
                self.env._(
                    "watch_poll reads only %s.", ", ".join(sorted(_WATCHED_MODELS))
                )
            )
        changes = {}
        for model, spec in reads.items():
            records = self.env[model].with_context(active_test=False)
            changes[model] = records.search_read(
                spec.get("domain") or [],
                spec.get("fields") or ["write_date"],
                limit=spec.get("limit") or None,
                order="write_date asc, id asc",
            )
        runs = self.search_read(
            ["|", ("state", "=", "requested"), ("id", "=", run_id)],
            ["name", "state", "write_date"],
            order="id asc",
        )
        own = self.browse(run_id).exists()
        if beat and own and own.state == "running":
            own.write({"state": "running"})
        return {
            "server_time": fields.Datetime.to_string(self.env.cr.now()),
            "changes": changes,
            "runs": runs,
        }

    def action_view_kpis(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inventory_segmentation.action_inventory_segment_run_kpi"
        )
        action["domain"] = [("run_id", "=", self.id)]
        action["context"] = {"search_default_groupby_segment": 1}
        return action
