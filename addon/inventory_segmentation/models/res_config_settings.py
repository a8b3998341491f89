import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

_PARAMETER_PREFIX = "inventory_segmentation."
_TIME_OF_DAY = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _auto_apply_default(settings):
    return settings.env["inventory.segment"].search([("auto_apply", "=", True)])


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Odoo stores a numeric 0 as "unset", so every numeric setting must be positive;
    # the constraint below says so instead of silently falling back to the default.
    segmentation_abc_cutoff_a = fields.Float(
        string="A Class Cut-off",
        default=0.8,
        config_parameter="inventory_segmentation.abc_cutoff_a",
        help="Cumulative share of annual consumption value covered by class A (0.8 = 80%).",
    )
    segmentation_abc_cutoff_b = fields.Float(
        string="B Class Cut-off",
        default=0.95,
        config_parameter="inventory_segmentation.abc_cutoff_b",
        help="Cumulative share covered by classes A and B together.",
    )
    segmentation_xyz_cutoff_x = fields.Float(
        string="X Class Max CV",
        default=0.5,
        config_parameter="inventory_segmentation.xyz_cutoff_x",
        help="Largest coefficient of variation of per-period demand for class X.",
    )
    segmentation_xyz_cutoff_y = fields.Float(
        string="Y Class Max CV",
        default=1.0,
        config_parameter="inventory_segmentation.xyz_cutoff_y",
        help="Largest coefficient of variation for class Y; above it, class Z.",
    )
    segmentation_history_months = fields.Integer(
        string="History Window (months)",
        default=24,
        config_parameter="inventory_segmentation.history_months",
    )
    segmentation_analysis_period = fields.Selection(
        [("week", "Week"), ("month", "Month")],
        string="Analysis Period",
        default="week",
        config_parameter="inventory_segmentation.analysis_period",
        help="Demand is bucketed by day, then aggregated to this period.",
    )
    segmentation_obsolete_after_months = fields.Integer(
        string="Obsolete After (months)",
        default=12,
        config_parameter="inventory_segmentation.obsolete_after_months",
        help="A product without demand for this long is obsolete.",
    )
    segmentation_hysteresis_runs = fields.Integer(
        string="Runs Before De-escalating",
        default=3,
        config_parameter="inventory_segmentation.hysteresis_runs",
        help="A product moves to a less critical tier only after this many consecutive runs "
        "computed it (1 = at once). Escalation is always immediate.",
    )
    segmentation_carrying_cost_rate = fields.Float(
        string="Carrying Cost Rate",
        default=0.25,
        config_parameter="inventory_segmentation.carrying_cost_rate",
        help="Yearly cost of holding stock as a share of its value (0.25 = 25% a year).",
    )
    segmentation_poll_interval_seconds = fields.Integer(
        string="Poll Interval (seconds)",
        default=30,
        config_parameter="inventory_segmentation.poll_interval_seconds",
        help="How often the connector's watch mode looks for changes.",
    )
    segmentation_full_refresh_time = fields.Char(
        string="Nightly Full Refresh",
        default="02:00",
        config_parameter="inventory_segmentation.full_refresh_time",
        help="Time of day (HH:MM, server time zone UTC) of the watch mode's full refresh.",
    )
    segmentation_auto_apply_segment_ids = fields.Many2many(
        "inventory.segment",
        string="Tiers Applied Automatically",
        default=_auto_apply_default,
        help="Suggestions of these tiers update reordering rules without a planner's review.",
    )

    @api.constrains(
        "segmentation_abc_cutoff_a",
        "segmentation_abc_cutoff_b",
        "segmentation_xyz_cutoff_x",
        "segmentation_xyz_cutoff_y",
        "segmentation_history_months",
        "segmentation_obsolete_after_months",
        "segmentation_hysteresis_runs",
        "segmentation_carrying_cost_rate",
        "segmentation_poll_interval_seconds",
        "segmentation_full_refresh_time",
    )
    def _check_segmentation_settings(self):
        for settings in self:
            if not 0 < settings.segmentation_abc_cutoff_a < settings.segmentation_abc_cutoff_b < 1:
                raise ValidationError(
                    self.env._("The ABC cut-offs must satisfy 0 < A < B < 1 (e.g. 0.8 and 0.95).")
                )
            if not 0 < settings.segmentation_xyz_cutoff_x < settings.segmentation_xyz_cutoff_y:
                raise ValidationError(
                    self.env._("The XYZ cut-offs must satisfy 0 < X < Y (e.g. 0.5 and 1.0).")
                )
            positive = {
                self.env._("History window"): settings.segmentation_history_months,
                self.env._("Obsolete after"): settings.segmentation_obsolete_after_months,
                self.env._("Runs before de-escalating"): settings.segmentation_hysteresis_runs,
                self.env._("Carrying cost rate"): settings.segmentation_carrying_cost_rate,
                self.env._("Poll interval"): settings.segmentation_poll_interval_seconds,
            }
            for label, value in positive.items():
                if value <= 0:
                    raise ValidationError(self.env._("%s must be greater than 0.", label))
            if settings.segmentation_poll_interval_seconds < 5:
                raise ValidationError(self.env._("The poll interval must be at least 5 seconds."))
            if not _TIME_OF_DAY.match(settings.segmentation_full_refresh_time or ""):
                raise ValidationError(
                    self.env._("The nightly full refresh time must read HH:MM, e.g. 02:00.")
                )

    def set_values(self):
        super().set_values()
        # Settings are for administrators, who may not be Segmentation Managers.
        chosen = self.segmentation_auto_apply_segment_ids.sudo()
        current = self.env["inventory.segment"].sudo().search([("auto_apply", "=", True)])
        (current - chosen).auto_apply = False
        (chosen - current).auto_apply = True

    @api.model
    def _segmentation_parameters(self):
        """The segmentation settings by config-parameter key, parsed, with their defaults."""
        params = self.env["ir.config_parameter"].sudo()
        values = {}
        for field in self._fields.values():
            key = getattr(field, "config_parameter", None)
            if not key or not key.startswith(_PARAMETER_PREFIX):
                continue
            raw = params.get_param(key)
            if raw in (None, False, ""):
                values[key] = field.default(self)
            elif field.type == "integer":
                values[key] = int(raw)
            elif field.type == "float":
                values[key] = float(raw)
            else:
                values[key] = raw
        return values
