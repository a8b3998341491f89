# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Inventory Segmentation",
    "summary": "Criticality tiers, ABC/XYZ classes and reviewed reorder-rule "
    "suggestions per product, supplier scorecards, sourcing recommendations and a cash "
    "projection, written by the segmentation connector",
    "version": "19.0.1.4.0",
    "category": "Inventory/Inventory",
    "author": "odoo-inventory-segmentation contributors",
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["stock", "purchase"],
    "data": [
        "security/inventory_segmentation_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/inventory_segment_data.xml",
        "views/inventory_segment_views.xml",
        "views/inventory_segment_suggestion_views.xml",
        "views/inventory_segment_event_views.xml",
        "views/inventory_segment_run_kpi_views.xml",
        "views/inventory_segment_run_views.xml",
        "views/product_product_views.xml",
        "views/product_template_views.xml",
        "views/res_config_settings_views.xml",
        "views/inventory_segment_vendor_scorecard_views.xml",
        "views/inventory_segment_recommendation_views.xml",
        "views/inventory_segment_cash_projection_views.xml",
        "views/inventory_segmentation_menus.xml",
        "views/inventory_segmentation_procurement_menus.xml",
        "views/inventory_segment_advice_views.xml",
        "views/segmentation_dashboard_views.xml",
    ],
    "assets": {
        # Built from frontend/ by `npm run build:frontend` (committed; CI checks it is current).
        "web.assets_backend": [
            "inventory_segmentation/static/src/dist/*",
        ],
        "web.assets_tests": [
            "inventory_segmentation/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
