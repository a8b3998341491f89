from odoo import api, fields, models

from .access import GROUP_USER, check_segmentation_role
from .selection_values import TIER_CODES

# A change to one of these moves the segment tag (or which variant leads its template).
_TAG_SYNC_FIELDS = {"tag_id", "sequence", "active"}


class InventorySegment(models.Model):
    _name = "inventory.segment"
    _description = "Inventory Segment (criticality tier)"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(
        TIER_CODES,
        required=True,
        help="The tier code the connector computes; one record per code and company.",
    )
    sequence = fields.Integer(
        default=10, help="Criticality order: the lowest sequence is the most critical tier."
    )
    active = fields.Boolean(default=True)
    color = fields.Integer(help="Colour index of the tier badge.")
    description = fields.Text(translate=True)
    service_target = fields.Float(
        required=True,
        default=0.95,
        help="Target service level between 0 and 1 (0 = no service target, e.g. obsolete items).",
    )
    service_measure = fields.Selection(
        [("cycle", "Cycle service"), ("fill", "Fill rate")],
        required=True,
        default="cycle",
        help="Cycle service: probability of no stockout in a replenishment cycle. "
        "Fill rate: share of demand served from stock.",
    )
    review_days = fields.Integer(
        string="Review Period (days)",
        default=7,
        help="How often the policy of these items is reviewed.",
    )
    max_cover_days = fields.Integer(
        string="Max Cover (days)",
        help="Caps the maximum stock at this many days of average demand; 0 means no cap.",
    )
    min_order_value = fields.Monetary(
        help="Smallest order worth placing for these items; 0 means no minimum."
    )
    auto_apply = fields.Boolean(
        string="Apply Automatically",
        help="Suggestions of this tier update the reordering rule without a planner's review "
        "(products with a locked segment are never updated automatically).",
    )
    tag_id = fields.Many2one(
        "product.tag",
        string="Product Tag",
        ondelete="set null",
        help="Shown on every product whose most critical variant is in this tier.",
    )
    company_id = fields.Many2one(
        "res.company", help="Leave empty to share the tier across companies."
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    product_count = fields.Integer(compute="_compute_product_count", string="Products")

    _code_company_uniq = models.UniqueIndex(
        "(code, COALESCE(company_id, 0))",
        "There is already a segment with this code for this company.",
    )
    _service_target_range = models.Constraint(
        "CHECK (service_target >= 0 AND service_target < 1)",
        "The service target must be at least 0 and below 1 (e.g. 0.97 for 97%).",
    )
    _non_negative_policy = models.Constraint(
        "CHECK (review_days >= 0 AND max_cover_days >= 0 AND min_order_value >= 0)",
        "Review period, max cover and minimum order value cannot be negative.",
    )

    @api.depends("company_id")
    @api.depends_context("company")
    def _compute_currency_id(self):
        for segment in self:
            segment.currency_id = (segment.company_id or self.env.company).currency_id

    def _compute_product_count(self):
        counts = dict(
            self.env["product.product"]._read_group(
                [("segment_id", "in", self.ids)], ["segment_id"], ["__count"]
            )
        )
        for segment in self:
            segment.product_count = counts.get(segment, 0)

    def write(self, vals):
        if not _TAG_SYNC_FIELDS & vals.keys():
            return super().write(vals)
        stale_tags = self.tag_id
        result = super().write(vals)
        templates = (
            self.env["product.product"]
            .sudo()
            .with_context(active_test=False)
            .search([("segment_id", "in", self.ids)])
            .product_tmpl_id
        )
        templates._sync_segment_tags(stale_tags=stale_tags)
        return result

    def action_view_products(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inventory_segmentation.action_product_product_segmentation"
        )
        action["domain"] = [("segment_id", "=", self.id)]
        action["display_name"] = self.display_name
        return action

    def _tiers_in_force(self):
        """The active tier per code for the current company: a company's own record
        wins over the shared one."""
        by_code = {}
        for segment in self.search([("company_id", "in", [False, self.env.company.id])]):
            current = by_code.get(segment.code)
            if not current or (segment.company_id and not current.company_id):
                by_code[segment.code] = segment
        return by_code

    @api.model
    def get_segmentation_settings(self):
        """What the connector needs before a run: the settings by config-parameter key
        and the tiers in force, in one call and with the caller's read rights."""
        check_segmentation_role(self.env, GROUP_USER, self.env._("read the segmentation settings"))
        tiers = {
            code: {
                "id": segment.id,
                "name": segment.name,
                "sequence": segment.sequence,
                "service_target": segment.service_target,
                "service_measure": segment.service_measure,
                "review_days": segment.review_days,
                "max_cover_days": segment.max_cover_days,
                "min_order_value": segment.min_order_value,
                "auto_apply": segment.auto_apply,
                "tag_id": segment.tag_id.id,
            }
            for code, segment in self._tiers_in_force().items()
        }
        parameters = self.env["res.config.settings"]._segmentation_parameters()
        return {"parameters": parameters, "tiers": tiers, "company_id": self.env.company.id}
