/**
 * The one import of Odoo's `_t` in the bundle. Odoo's asset transpiler rebinds
 * `const { _t } = require("@web/core/l10n/translation");` to this addon's translation context,
 * but only where the import keeps the exact name `_t`; esbuild would rename a second import of it
 * (`_t2`), so every module takes `_t` from here.
 */
export { _t } from "@web/core/l10n/translation";
