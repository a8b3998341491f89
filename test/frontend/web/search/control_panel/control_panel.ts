/** `@web/search/control_panel/control_panel`: only the slots a client action fills. */
import { Component, xml } from "@odoo/owl";

export class ControlPanel extends Component {
  static override template = xml`
    <div class="o_control_panel">
      <div class="o_control_panel_buttons"><t t-slot="layout-buttons"/></div>
      <div class="o_control_panel_actions"><t t-slot="layout-actions"/></div>
    </div>`;
  static override props = { slots: { type: Object, optional: true } };
}
