/**
 * The feedback loop's maths: the service each item really got (from the stock history an ERP
 * records) and the recommendations a manager gets when a tier keeps missing or overshooting its
 * target.
 */
export { type AchievedService, achievedService, type StockHistory } from "./achieved-service.js";
export {
  type AdviceKind,
  type AdviceOptions,
  type ClassService,
  type RefinementAdvice,
  refinementAdvice,
  type ServiceWindow,
  type TierService,
} from "./refinement-advice.js";
