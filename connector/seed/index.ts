/**
 * Seeding a live Odoo 19 with the deterministic demo plant (`invseg seed-odoo`): see `seedOdoo`.
 */
export {
  SeedConflictError,
  SeedError,
  type SeedErrorCode,
  SeedIntegrityError,
  SeedPrerequisiteError,
} from "./errors.js";
export { plantFingerprint } from "./fingerprint.js";
export {
  readMarker,
  SEED_MARKER_KEY,
  SEED_PHASES,
  type SeedIdentity,
  type SeedMarker,
  type SeedPhase,
} from "./marker.js";
export { type MoveSpec, moveVals } from "./moves.js";
export { SEED_ORIGIN } from "./odoo-batches.js";
export { discoverSetup, type SeedSetup } from "./odoo-setup.js";
export {
  defaultEndDate,
  odooNoon,
  SEED_HISTORY_MONTHS,
  SEED_SCALES,
  type SeedPlantOptions,
  type SeedScale,
  seedPlant,
} from "./plant-window.js";
export {
  DEFAULT_MOVE_BATCH_SIZE,
  type SeedOptions,
  type SeedPhaseReport,
  type SeedReport,
  seedOdoo,
} from "./seed-odoo.js";
export { type ProductUnits, productUnits } from "./units.js";
