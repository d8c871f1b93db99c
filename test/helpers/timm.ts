// Shared by the timm family tests: builds a registered timm model the way a config.json names it.
import { estimate } from "../../src/core/estimate-all.js";

export function timmParams(name: string, numClasses = 1000, extra: Record<string, unknown> = {}): number {
  return estimate({ architecture: name, num_classes: numClasses, ...extra }, { library: "timm" }).parameters;
}

/** Millions to two decimals, as timm's model cards print "Params (M)". */
export const millions = (n: number) => Number((n / 1e6).toFixed(2));
