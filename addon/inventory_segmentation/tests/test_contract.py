"""The installed models against ``manifest/contract.json``, the connector's view of them.

The addon is installed without the repository around it, so the contract is looked up
at ``$INVENTORY_SEGMENTATION_CONTRACT`` when set, else at ``../../manifest/contract.json``
from the addon directory (its place in the repository). Without it the test is skipped,
saying where it looked: the contract is the repository's, and a copy inside the addon
would be a second source of truth."""

import json
import os
import unittest

from odoo.models import MAGIC_COLUMNS
from odoo.tests import tagged

from ..models.product_product import CONNECTOR_FIELDS
from .common import SegmentationCase

CONTRACT_ENV = "INVENTORY_SEGMENTATION_CONTRACT"
ADDON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def contract_path():
    return os.environ.get(CONTRACT_ENV) or os.path.normpath(
        os.path.join(ADDON_DIR, "..", "..", "manifest", "contract.json")
    )


@tagged("post_install", "-at_install")
class TestContract(SegmentationCase):
    @classmethod
    def setUpClass(cls):
        path = contract_path()
        if not os.path.isfile(path):
            raise unittest.SkipTest(
                f"contract not found at {path}: run the tests from the repository checkout "
                f"or set {CONTRACT_ENV} to the path of manifest/contract.json"
            )
        with open(path, encoding="utf-8") as contract_file:
            cls.contract = json.load(contract_file)
        super().setUpClass()

    def test_addon_version_and_dependencies(self):
        module = self.env["ir.module.module"].search([("name", "=", "inventory_segmentation")])
        self.assertEqual(module.latest_version, self.contract["addon"]["version"])
        self.assertEqual(
            sorted(module.dependencies_id.mapped("name")), sorted(self.contract["addon"]["depends"])
        )

    def test_models_and_fields_match(self):
        for model_name, spec in self.contract["models"].items():
            self.assertIn(model_name, self.env, f"model {model_name} missing")
            model = self.env[model_name]
            for field_name, field_spec in spec["fields"].items():
                with self.subTest(model=model_name, field=field_name):
                    self.assertIn(field_name, model._fields, f"{model_name}.{field_name} missing")
                    self._assert_field(model._fields[field_name], field_spec)
            ours = {
                name
                for name, field in model._fields.items()
                if "inventory_segmentation" in field._modules and name not in MAGIC_COLUMNS
            }
            self.assertEqual(
                ours - spec["fields"].keys(),
                set(),
                f"{model_name} fields missing from the contract",
            )

    def _assert_field(self, field, spec):
        self.assertEqual(field.type, spec["type"])
        self.assertEqual(bool(field.required), spec.get("required", False), "required")
        self.assertEqual(bool(field.readonly), spec.get("readonly", False), "readonly")
        if field.type in ("many2one", "one2many", "many2many"):
            self.assertEqual(field.comodel_name, spec["relation"])
        if field.type == "one2many":
            self.assertEqual(field.inverse_name, spec["inverse"])
        if field.type == "selection":
            self.assertEqual(dict(field._description_selection(self.env)), spec["selection"])

    def test_write_segmentation_writes_the_listed_fields(self):
        writes = self.contract["methods"]["product.product.write_segmentation"]["writes"]
        self.assertEqual(list(CONNECTOR_FIELDS), writes)

    def test_tiers_are_seeded_with_their_tags_and_targets(self):
        segments = self.env["inventory.segment"].search([])
        self.assertEqual(segments.mapped("code"), list(self.contract["tiers"]))
        for code, tier in self.contract["tiers"].items():
            with self.subTest(tier=code):
                segment = self.env.ref(tier["xml_id"])
                self.assertEqual(segment.code, code)
                self.assertEqual(segment.service_target, tier["service_target"])
                self.assertEqual(segment.tag_id, self.env.ref(tier["tag_xml_id"]))

    def test_groups_exist(self):
        for role, xml_id in self.contract["groups"].items():
            with self.subTest(role=role):
                self.assertEqual(self.env.ref(xml_id)._name, "res.groups")

    def test_config_parameters_are_the_settings_fields(self):
        settings = self.env["res.config.settings"]
        declared = {
            field.config_parameter: name
            for name, field in settings._fields.items()
            if (getattr(field, "config_parameter", None) or "").startswith(
                "inventory_segmentation."
            )
        }
        self.assertEqual(set(declared), set(self.contract["config_parameters"]))
        defaults = self.env["inventory.segment"].get_segmentation_settings()["parameters"]
        for key, spec in self.contract["config_parameters"].items():
            with self.subTest(key=key):
                field = settings._fields[spec["settings_field"]]
                self.assertEqual(declared[key], spec["settings_field"])
                self.assertEqual(field.type, spec["type"])
                self.assertEqual(defaults[key], spec["default"])
                if field.type == "selection":
                    self.assertEqual(dict(field.selection), spec["selection"])

    def test_rpc_methods_are_public_and_called_as_documented(self):
        for qualified_name, spec in self.contract["methods"].items():
            with self.subTest(method=qualified_name):
                self.assertEqual(qualified_name, f"{spec['model']}.{spec['name']}")
                self.assertFalse(spec["name"].startswith("_"))
                method = getattr(type(self.env[spec["model"]]), spec["name"], None)
                self.assertTrue(callable(method), f"{qualified_name} missing")
                on_model = bool(getattr(method, "_api_model", False))
                self.assertEqual(on_model, spec["on"] == "model")
                self.assertIn(spec["group"], self.contract["groups"])
