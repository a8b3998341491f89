/** A tier's name on its colour, as in the addon's product lists. */
import { Component } from "@odoo/owl";
import { isTier, tierBadgeClass } from "../tiers.js";

export class TierBadge extends Component<{ tier: string | false; name: string }> {
  static override template = "inventory_segmentation.TierBadge";
  static override props = { tier: [String, Boolean], name: String };

  get badgeClass(): string {
    return isTier(this.props.tier) ? tierBadgeClass(this.props.tier) : "text-bg-light";
  }
}
