/**
 * The `demo` source: a generated plant (see `generatePlant`) and its planning input.
 */
export { generatePlant, PLANT_SCALES, type PlantOptions } from "./generate.js";
export * from "./plant.js";
export { type PlantInputOptions, plantPlanningInput } from "./source.js";
