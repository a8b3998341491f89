/**
 * The entry of the addon's web bundle (`static/src/dist/inventory_segmentation.js`, built by
 * `npm run build:frontend`): each module registers itself, the dashboard in the `actions`
 * registry and the product summary in the `fields` registry.
 */
import "./dashboard/segmentation_dashboard.js";
import "./product_widget/product_segment_field.js";
