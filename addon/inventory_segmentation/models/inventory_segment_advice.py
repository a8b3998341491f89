from odoo import api, fields, models
from odoo.exceptions import UserError

from .access import GROUP_MANAGER, check_segmentation_role

# The settings a piece of advice may change, with the check the settings form applies to them.
_CUTOFF_PARAMETERS = {
    "inventory_segmentation.xyz_cutoff_x": ("inventory_segmentation.xyz_cutoff_y", 1.0),
}
_SERVICE_TARGET = "service_target"
# Fields only record_advice, Apply and Dismiss change.
_DECISION_FIELDS = {"state", "decision_user_id", "decision_date"}


class InventorySegmentAdvice(models.Model):
    """A recommendation of the feedback loop: a tier missed (or overshot) its service target in
    two KPI windows in a row, so the connector proposes a new target or cut-off, with the
    evidence. A Segmentation Manager applies it (the tier or the setting changes) or dismisses it;
    a dismissed proposal is not made again."""

    _name = "inventory.segment.advice"
    _description = "Segmentation Refinement Advice"
    _order = "date desc, id desc"
    _rec_name = "message"
    _check_company_auto = True

    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    kind = fields.Selection(
        [
            ("raise_target", "Raise the service target"),
            ("lower_target", "Lower the service target"),
            ("lower_xyz_cutoff", "Move the X cut-off"),
        ],
        required=True,
    )
    segment_id = fields.Many2one(
        "inventory.segment",
        ondelete="cascade",
        check_company=True,
        help="The tier whose target moves; empty for a setting.",
    )
    parameter = fields.Char(
        required=True,
        help="What changes: service_target (of the tier), or a setting's key.",
    )
    current_value = fields.Float(digits=(16, 4))
    proposed_value = fields.Float(required=True, digits=(16, 4))
    evidence = fields.Json(help="Target and achieved service per KPI window, by name.")
    message = fields.Text(required=True)
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("applied", "Applied"),
            ("dismissed", "Dismissed"),
            ("superseded", "Superseded"),
        ],
        required=True,
        default="pending",
        readonly=True,
        index=True,
    )
    run_id = fields.Many2one(
        "inventory.segment.run", index="btree_not_null", ondelete="set null", check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    decision_user_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    decision_date = fields.Datetime(readonly=True)
    dedup_key = fields.Char(
        copy=False,
        help="Chosen by the connector from what the advice is about and the windows it judged, "
        "so that a re-run records it once.",
    )

    _dedup_key_uniq = models.UniqueIndex(
        "(company_id, dedup_key) WHERE dedup_key IS NOT NULL",
        "Advice with this key was already recorded in this company.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if _DECISION_FIELDS & vals.keys() and not self.env.context.get("advice_deciding"):
                raise UserError(self.env._("New advice is pending; its decision is the manager's."))
        return super().create(vals_list)

    def write(self, vals):
        if _DECISION_FIELDS & vals.keys() and not self.env.context.get("advice_deciding"):
            raise UserError(self.env._("Apply or dismiss advice with its buttons."))
        return super().write(vals)

    @api.model
    def record_advice(self, vals_list):
        """Record the connector's advice, one result per input, in order: the id of the advice
        (an existing one when its ``dedup_key`` is known), or ``False`` when a manager already
        dismissed the same proposal. New advice supersedes pending advice on the same subject."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("record refinement advice"))
        if not isinstance(vals_list, list) or not all(isinstance(v, dict) for v in vals_list):
            raise UserError(self.env._("record_advice expects a list of value dictionaries."))
        results = []
        for index, vals in enumerate(vals_list):
            missing = [
                name
                for name in ("kind", "parameter", "proposed_value", "message")
                if vals.get(name) is None or vals.get(name) is False or vals.get(name) == ""
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Advice %(index)s lacks %(fields)s.", index=index, fields=", ".join(missing)
                    )
                )
            vals = {**vals, "company_id": vals.get("company_id") or self.env.company.id}
            subject = [
                ("company_id", "=", vals["company_id"]),
                ("kind", "=", vals["kind"]),
                ("parameter", "=", vals["parameter"]),
                ("segment_id", "=", vals.get("segment_id") or False),
            ]
            known = vals.get("dedup_key") and self.search(
                [("company_id", "=", vals["company_id"]), ("dedup_key", "=", vals["dedup_key"])],
                limit=1,
            )
            if known:
                results.append(known.id)
                continue
            refused = self.search_count(
                [
                    *subject,
                    ("state", "=", "dismissed"),
                    ("proposed_value", "=", vals["proposed_value"]),
                ]
            )
            if refused:
                results.append(False)
                continue
            self.search([*subject, ("state", "=", "pending")]).with_context(
                advice_deciding=True
            ).write({"state": "superseded"})
            results.append(self.create(vals).id)
        return results

    def action_apply(self):
        """Apply pending advice: the tier's target or the setting takes the proposed value.
        Advice already applied is left as it is, so a retry is harmless."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("apply refinement advice"))
        to_apply = self._to_decide("applied")
        for advice in to_apply:
            advice._apply_value()
        to_apply._record_decision("applied")
        return True

    def action_dismiss(self):
        """Dismiss pending advice; the same proposal is not made again."""
        check_segmentation_role(self.env, GROUP_MANAGER, self.env._("dismiss refinement advice"))
        self._to_decide("dismissed")._record_decision("dismissed")
        return True

    def _to_decide(self, target_state):
        decided = self.filtered(lambda advice: advice.state not in ("pending", target_state))
        if decided:
            raise UserError(
                self.env._(
                    "This advice was already decided: %s.",
                    ", ".join(f"{advice.display_name} ({advice.state})" for advice in decided),
                )
            )
        return self.filtered(lambda advice: advice.state == "pending")

    def _record_decision(self, state):
        self.with_context(advice_deciding=True).write(
            {
                "state": state,
                "decision_user_id": self.env.uid,
                "decision_date": fields.Datetime.now(),
            }
        )

    def _apply_value(self):
        self.ensure_one()
        value = self.proposed_value
        if self.parameter == _SERVICE_TARGET:
            if not self.segment_id:
                raise UserError(self.env._("Advice on a service target must name its tier."))
            if not 0 <= value < 1:
                raise UserError(
                    self.env._("A service target must be at least 0 and below 1, not %s.", value)
                )
            self.segment_id.service_target = value
            return
        bound = _CUTOFF_PARAMETERS.get(self.parameter)
        if bound is None:
            raise UserError(self.env._("Advice cannot change the setting %s.", self.parameter))
        params = self.env["ir.config_parameter"].sudo()
        upper_key, upper_default = bound
        upper = float(params.get_param(upper_key) or upper_default)
        if not 0 < value < upper:
            raise UserError(
                self.env._(
                    "The X cut-off must stay above 0 and below the Y cut-off (%(upper)s), "
                    "not %(value)s.",
                    upper=upper,
                    value=value,
                )
            )
        # Settings are the administrators'; a Segmentation Manager applies this reviewed value.
        params.set_param(self.parameter, str(value))
