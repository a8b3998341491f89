/**
 * Event detectors (DESIGN.md "Events"): pure functions from a series or a pair of facts to the
 * evidence of an event, or nothing. Watch mode and the scheduled runs turn their results into
 * `inventory.segment.event` records and escalations; the detection delays and false-alarm rates
 * they are tuned for are measured in `test/analytics/detectors.test.ts`.
 */
export {
  type DemandShift,
  type DemandShiftOptions,
  detectDemandShifts,
} from "./demand-shift.js";
export {
  detectLeadTimeShifts,
  type LateReceipt,
  type LeadTimeMonitor,
  type LeadTimeShift,
  type LeadTimeShiftOptions,
} from "./lead-time-shift.js";
export { detectNewItem, type NewItem, type NewItemFacts } from "./new-item.js";
export {
  detectObsoleteItem,
  type ObsoleteItem,
  type ObsoleteItemOptions,
} from "./obsolete-item.js";
export {
  detectPromisedDelayChange,
  type PromisedDelayChange,
  type PromisedDelayOptions,
} from "./promised-delay-change.js";
export { detectStockout, type Stockout, type StockPosition } from "./stockout.js";
