/**
 * Architectures on demand: the CLI, the server and the page load only the family files a config needs (one chunk
 * each, through the generated manifest), then estimate synchronously, as shiki loads a language before it
 * highlights. `estimateAsync` is the one call they make.
 */
import { FAMILIES, type FamilyEntry } from "./architectures/manifest.js";
import type { ArchitectureSet } from "./architectures/registry.js";
import type { Planner } from "./plan/planner.js";
import { createEstimator, modelTypeFromName, type EstimateOptions, type EstimateResult } from "./estimate.js";
import { pipelineEntries, type ComponentConfig, type PipelineOptions } from "./pipeline.js";

let index:
  | { byModelType: Map<string, FamilyEntry>; byTimmName: Map<string, FamilyEntry>; byClassName: Map<string, FamilyEntry>; modelTypes: string[] }
  | undefined;

function manifest() {
  if (!index) {
    const byModelType = new Map<string, FamilyEntry>();
    const byTimmName = new Map<string, FamilyEntry>();
    const byClassName = new Map<string, FamilyEntry>();
    for (const family of FAMILIES) {
      for (const t of family.modelTypes ?? []) byModelType.set(t, family);
      for (const n of family.timmNames ?? []) byTimmName.set(n, family);
      for (const c of family.diffusersClasses ?? []) byClassName.set(c, family);
    }
    index = { byModelType, byTimmName, byClassName, modelTypes: [...byModelType.keys()] };
  }
  return index;
}

/** Every `model_type`, timm name and diffusers class this package builds, without loading any of them (`--list`). */
export function supportedArchitectures(): { transformers: string[]; timm: string[]; diffusers: string[] } {
  const { byModelType, byTimmName, byClassName } = manifest();
  return { transformers: [...byModelType.keys()].sort(), timm: [...byTimmName.keys()].sort(), diffusers: [...byClassName.keys()].sort() };
}

/** Every `model_type` string in a config, nested ones included (`text_config`, `vision_config`, `encoder`…). */
function modelTypesIn(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 12 || typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) modelTypesIn(item, out, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === "model_type" && typeof v === "string") out.add(v);
    else modelTypesIn(v, out, depth + 1);
  }
}

/**
 * The family files a config needs: its `model_type` (or, for old configs without one, the type its name
 * contains), every nested `model_type` and the `<type>_text` config a wrapper's text model may take its defaults
 * from (the planner reads them), and the timm family of its `architecture` or `timmModelName`.
 */
export function familiesFor(config: unknown, options: Pick<EstimateOptions, "model" | "timmModelName"> = {}): FamilyEntry[] {
  const { byModelType, byTimmName, modelTypes } = manifest();
  const needed = new Set<FamilyEntry>();
  if (typeof config !== "object" || config === null || Array.isArray(config)) return [];
  const raw = config as Record<string, unknown>;
  const types = new Set<string>();
  modelTypesIn(raw, types);
  if (typeof raw.model_type !== "string") {
    const fromName = modelTypeFromName(options.model, modelTypes);
    if (fromName) types.add(fromName);
  }
  for (const t of [...types]) types.add(`${t}_text`);
  for (const t of types) {
    const family = byModelType.get(t);
    if (family) needed.add(family);
  }
  for (const name of [raw.architecture, options.timmModelName]) {
    const family = typeof name === "string" ? byTimmName.get(name) : undefined;
    if (family) needed.add(family);
  }
  const diffusers = typeof raw._class_name === "string" ? manifest().byClassName.get(raw._class_name) : undefined;
  if (diffusers) needed.add(diffusers);
  return [...needed];
}

const loaded = new Map<FamilyEntry, Promise<ArchitectureSet>>();

function load(family: FamilyEntry): Promise<ArchitectureSet> {
  let set = loaded.get(family);
  if (!set) {
    set = family.load();
    // A failed chunk load (the page offline) may be retried by the next estimate.
    set.catch(() => loaded.delete(family));
    loaded.set(family, set);
  }
  return set;
}

/** Loads the architectures a config needs and returns them (e.g. for `createEstimator`). */
export async function loadArchitecturesFor(config: unknown, options: Pick<EstimateOptions, "model" | "timmModelName"> = {}): Promise<ArchitectureSet> {
  const sets = await Promise.all(familiesFor(config, options).map(load));
  return merged(sets);
}

function merged(sets: readonly ArchitectureSet[]): ArchitectureSet {
  return { transformers: sets.flatMap((s) => s.transformers ?? []), timm: sets.flatMap((s) => s.timm ?? []), diffusers: sets.flatMap((s) => s.diffusers ?? []) };
}

/** The files of the families loaded so far (tests check that `--version` loads none). */
export function loadedFamilies(): string[] {
  return [...loaded.keys()].map((f) => f.file);
}

/** Holds every family loaded so far: synchronous `estimate` for a config once `estimateAsync` has seen it. */
export const loadedEstimator = createEstimator();

/** `estimate`, after loading the architectures the config needs; the CLI, the server and the page call this. */
export async function estimateAsync(config: unknown, options: EstimateOptions = {}): Promise<EstimateResult> {
  loadedEstimator.add(await loadArchitecturesFor(config, options));
  if (options.plan) loadedEstimator.add({ planner: await loadPlanner() });
  return loadedEstimator.estimate(config, options);
}

/**
 * A diffusers pipeline, after loading what each component needs: the diffusers class model_index.json names, and
 * the families of each component's config (a transformers text encoder's `model_type`).
 */
export async function estimatePipelineAsync(
  modelIndex: unknown,
  configs: Readonly<Record<string, ComponentConfig>>,
  options: PipelineOptions,
): Promise<EstimateResult> {
  const { byClassName } = manifest();
  const families = new Set<FamilyEntry>();
  for (const entry of pipelineEntries(modelIndex)) {
    const found = configs[entry.name];
    const byClass = byClassName.get(entry.modelClass);
    if (byClass) families.add(byClass);
    if (found && "config" in found) for (const f of familiesFor(found.config)) families.add(f);
  }
  loadedEstimator.add(merged(await Promise.all([...families].map(load))));
  return loadedEstimator.estimatePipeline(modelIndex, configs, options);
}

/** Loads the Planner into `loadedEstimator` now (the page plans synchronously once a model is shown). */
export async function preparePlanner(): Promise<void> {
  loadedEstimator.add({ planner: await loadPlanner() });
}

/** The Planner's chunk, loaded with the first estimate that asks for a plan. */
export async function loadPlanner(): Promise<Planner> {
  return (await import("./plan/planner.js")).planner;
}
