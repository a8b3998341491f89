/**
 * Readable names for the demo plant's products and vendors, so that a planner browsing the seeded
 * Odoo sees a plausible plant rather than `product 1…n`.
 */
import type { Random } from "../../../analytics/random.js";

const FINISHED_FAMILIES = [
  "Hydraulic pump",
  "Gear motor",
  "Control cabinet",
  "Conveyor module",
  "Valve block",
  "Compressor unit",
  "Fan assembly",
  "Drive unit",
  "Sensor head",
  "Industrial mixer",
  "Filter station",
  "Lift table",
];
const SUBASSEMBLY_FAMILIES = [
  "Rotor assembly",
  "Pump housing",
  "Wiring harness",
  "Shaft set",
  "Front panel",
  "Seal kit",
  "Bearing unit",
  "Control board",
  "Frame weldment",
  "Gearbox",
];
const COMPONENT_FAMILIES = [
  "Hex bolt M8",
  "O-ring 40 mm",
  "Ball bearing 6204",
  "Flat gasket",
  "Capacitor 100 µF",
  "Steel plate 2 mm",
  "Compression spring",
  "Bronze bushing",
  "Cable gland M20",
  "Relay 24 V",
  "Aluminium profile",
  "Impeller",
  "Pressure sensor",
  "Motor 0.75 kW",
  "Fuse 10 A",
  "Hose 1/2 in",
  "Washer M8",
  "Terminal block",
  "Cast housing",
  "Shaft seal",
];
const VENDOR_STEMS = [
  "Nordwerk",
  "Alpen",
  "Castell",
  "Rivet",
  "Baltic",
  "Meridian",
  "Holm",
  "Kestrel",
  "Lumen",
  "Ferro",
  "Tagus",
  "Vesta",
  "Orion",
  "Delta",
  "Brenner",
];
const VENDOR_TRADES = [
  "Metal",
  "Castings",
  "Fasteners",
  "Electronics",
  "Plastics",
  "Bearings",
  "Seals",
  "Drives",
];
const VENDOR_FORMS = ["GmbH", "Ltd", "S.A.", "B.V.", "Inc.", "S.r.l."];

export function productName(
  family: "finished" | "subassembly" | "component",
  index: number,
): string {
  const families =
    family === "finished"
      ? FINISHED_FAMILIES
      : family === "subassembly"
        ? SUBASSEMBLY_FAMILIES
        : COMPONENT_FAMILIES;
  const name = families[index % families.length] as string;
  return `${name} ${String.fromCharCode(65 + (Math.floor(index / families.length) % 26))}${100 + (index % 900)}`;
}

export function vendorName(random: Random, index: number): string {
  const stem = VENDOR_STEMS[random.int(VENDOR_STEMS.length)] as string;
  const trade = VENDOR_TRADES[random.int(VENDOR_TRADES.length)] as string;
  const form = VENDOR_FORMS[random.int(VENDOR_FORMS.length)] as string;
  // The index keeps names unique at any scale.
  return `${stem} ${trade} ${form} (${index + 1})`;
}
