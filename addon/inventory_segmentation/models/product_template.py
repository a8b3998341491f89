from collections import defaultdict

from odoo import Command, api, fields, models

from .access import GROUP_USER
from .selection_values import ABC_CLASSES, DEMAND_PATTERNS, XYZ_CLASSES


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # The template shows its most critical variant, so that the product list can be
    # grouped and filtered by segment and carries that variant's tier tag.
    segment_id = fields.Many2one(
        "inventory.segment",
        string="Segment",
        compute="_compute_lead_variant_segmentation",
        store=True,
        index="btree_not_null",
        help="The segment of the most critical variant.",
    )
    segment_code = fields.Selection(related="segment_id.code", string="Segment Code")
    abc_class = fields.Selection(
        ABC_CLASSES, string="ABC Class", compute="_compute_lead_variant_segmentation", store=True
    )
    xyz_class = fields.Selection(
        XYZ_CLASSES, string="XYZ Class", compute="_compute_lead_variant_segmentation", store=True
    )
    demand_pattern = fields.Selection(
        DEMAND_PATTERNS, compute="_compute_lead_variant_segmentation", store=True
    )
    # The variant's own figures, for a template with a single variant (False otherwise), so
    # that the template form can show the variant's segmentation summary.
    segment_reason = fields.Text(compute="_compute_single_variant_segmentation")
    segment_locked = fields.Boolean(
        string="Locked", compute="_compute_single_variant_segmentation"
    )
    demand_history = fields.Json(compute="_compute_single_variant_segmentation")
    segment_suggestion_id = fields.Many2one(
        "inventory.segment.suggestion",
        string="Pending Suggestion",
        compute="_compute_segment_suggestion_id",
        groups=GROUP_USER,
        help="The single variant's pending suggestion, of the warehouse in context when there "
        "is one.",
    )
    segment_suggestion_count = fields.Integer(
        compute="_compute_segment_counts", string="Suggestions", groups=GROUP_USER
    )
    segment_event_count = fields.Integer(
        compute="_compute_segment_counts", string="Segment Events", groups=GROUP_USER
    )

    @api.depends(
        "product_variant_ids.active",
        "product_variant_ids.segment_id.sequence",
        "product_variant_ids.criticality_score",
        "product_variant_ids.abc_class",
        "product_variant_ids.xyz_class",
        "product_variant_ids.demand_pattern",
    )
    def _compute_lead_variant_segmentation(self):
        for template in self:
            lead = template._segment_lead_variant()
            template.segment_id = lead.segment_id
            template.abc_class = lead.abc_class
            template.xyz_class = lead.xyz_class
            template.demand_pattern = lead.demand_pattern

    @api.depends(
        "product_variant_ids.segment_reason",
        "product_variant_ids.segment_locked",
        "product_variant_ids.demand_history",
    )
    def _compute_single_variant_segmentation(self):
        for fname in ("segment_reason", "segment_locked", "demand_history"):
            self._compute_template_field_from_variant_field(fname)

    @api.depends("product_variant_ids")
    @api.depends_context("warehouse_id")
    def _compute_segment_suggestion_id(self):
        self._compute_template_field_from_variant_field("segment_suggestion_id")

    def _segment_lead_variant(self):
        """The most critical segmented variant: lowest tier sequence, then highest score."""
        self.ensure_one()
        segmented = self.product_variant_ids.filtered("segment_id")
        return segmented.sorted(
            lambda p: (p.segment_id.sequence, p.segment_id.id, -p.criticality_score, p.id)
        )[:1]

    def _compute_segment_counts(self):
        for template in self:
            variants = template.product_variant_ids
            template.segment_suggestion_count = sum(variants.mapped("segment_suggestion_count"))
            template.segment_event_count = sum(variants.mapped("segment_event_count"))

    def _sync_segment_tags(self, stale_tags=None):
        """Give each template the tag of its segment and no other tier tag.

        :param stale_tags: tags that were tier tags before a segment changed its tag,
            removed as well."""
        segments = self.env["inventory.segment"].sudo().with_context(active_test=False)
        tier_tags = segments.search([]).tag_id | (stale_tags or self.env["product.tag"])
        # Templates needing the same change are written together.
        changes = defaultdict(lambda: self.env["product.template"].sudo())
        for template in self.sudo().exists():
            wanted = template.segment_id.tag_id
            present = template.product_tag_ids & tier_tags
            if present != wanted:
                changes[(present - wanted, wanted - present)] |= template
        for (to_remove, to_add), templates in changes.items():
            templates.write(
                {
                    "product_tag_ids": [Command.unlink(tag.id) for tag in to_remove]
                    + [Command.link(tag.id) for tag in to_add]
                }
            )

    def action_view_segment_events(self):
        return self.product_variant_ids.action_view_segment_events()

    def action_view_segment_suggestions(self):
        return self.product_variant_ids.action_view_segment_suggestions()
