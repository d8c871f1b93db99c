/**
 * The Planner as one value an estimator can be given (`ArchitectureSet.planner`): the eager estimator holds it from
 * the start, the lazy one loads this module only when a plan is asked for, so a plain estimate never parses it.
 */
import { plan } from "./plan.js";
import { planModelFor } from "./model.js";

export const planner = { plan, planModelFor };
export type Planner = typeof planner;
