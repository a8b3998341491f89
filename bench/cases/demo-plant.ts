import { generatePlant, PLANT_SCALES } from "../../connector/sources/demo/index.js";
import { type BenchCase, timeSeconds } from "../case.js";

/** Generating the `seed-odoo --scale large` plant: time and size, for the seeding docs. */
export const demoPlantCase: BenchCase = {
  name: "demo-plant",
  title: `demo plant: generatePlant at the large scale (${PLANT_SCALES.large.toLocaleString("en-US")} products, 24 months)`,
  async measure() {
    let plant: ReturnType<typeof generatePlant> | undefined;
    const seconds = await timeSeconds(() => {
      plant = generatePlant({ productCount: PLANT_SCALES.large });
    });
    return {
      seconds,
      demandEvents: plant?.demand.count ?? 0,
      purchaseOrders: plant?.purchaseOrders.length ?? 0,
      productionOrders: plant?.productionOrders.length ?? 0,
    };
  },
  metrics: {
    seconds: { label: "wall time", unit: "s", decimals: 2 },
    demandEvents: { label: "demand events", unit: "", decimals: 0 },
    purchaseOrders: { label: "purchase orders", unit: "", decimals: 0 },
    productionOrders: { label: "production orders", unit: "", decimals: 0 },
  },
  targets: [],
};
