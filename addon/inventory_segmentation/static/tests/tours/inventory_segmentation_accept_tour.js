import { registry } from "@web/core/registry";

// A planner opens the pending suggestions and accepts the one for "Tour Brake Disc".
const row = ".o_data_row:has(td[name=product_id]:contains('Tour Brake Disc'))";

registry.category("web_tour.tours").add("inventory_segmentation_accept_suggestion", {
  steps: () => [
    {
      content: "The suggestion shows current and suggested min/max",
      trigger: `${row} td[name=suggested_min]:contains('12')`,
    },
    {
      content: "Accept it",
      trigger: `${row} button[name=action_accept]`,
      run: "click",
    },
    {
      content: "Odoo confirms the reordering rule update",
      trigger: ".o_notification:contains('reordering rule')",
    },
    {
      content: "The accepted suggestion leaves the pending list",
      trigger: `.o_list_view:not(:has(${row}))`,
    },
  ],
});
