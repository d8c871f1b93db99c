/**
 * The estimator over every architecture, loaded at once: the package's synchronous `estimate` for library users,
 * and the reference the tests hold the lazy path to. The CLI, the server and the page load only the families a
 * config needs (`load-architectures.ts`).
 */
import { transformersArchitectures } from "./architectures/transformers/index.js";
import { timmFamilies } from "./architectures/timm/index.js";
import { diffusersModels } from "./architectures/diffusers/index.js";
import { planner } from "./plan/planner.js";
import { ArchitectureRegistry, type ArchitectureSet } from "./architectures/registry.js";
import type { ModelBuild } from "./architectures/types.js";
import type { RawConfig } from "./config/config.js";
import { buildDiffusers as buildDiffusersWith, buildTimm as buildTimmWith, buildTransformers as buildTransformersWith, createEstimator } from "./estimate.js";
import { estimateSentenceTransformer as estimateSentenceTransformerWith } from "./sentence-transformers.js";
import { estimateWithAdapter as estimateWithAdapterWith } from "./adapter.js";
import type { ClassRequest } from "./architectures/transformers/shared/model-class.js";

export const ALL_ARCHITECTURES: ArchitectureSet = { transformers: transformersArchitectures, timm: timmFamilies, diffusers: diffusersModels, planner };
const registry = new ArchitectureRegistry(ALL_ARCHITECTURES);

/** Builds and measures a config with every architecture at hand (synchronous). */
export const { estimate, supportedArchitectures, estimatePipeline } = createEstimator(ALL_ARCHITECTURES);
export const transformersArchitecture = (modelType: string) => registry.transformers(modelType);
export const timmFamily = (name: string) => registry.timm(name);
export const buildTransformers = (raw: RawConfig, modelName?: string, request?: ClassRequest): ModelBuild => buildTransformersWith(registry, raw, modelName, request);
export const buildDiffusers = (raw: RawConfig, className?: string): ModelBuild => buildDiffusersWith(registry, raw, className);
export const buildTimm = (raw: RawConfig, nameHint?: string): ModelBuild => buildTimmWith(registry, raw, nameHint);

/** A sentence-transformers model (modules.json) with every architecture at hand. */
export const estimateSentenceTransformer = (...args: DropFirst<Parameters<typeof estimateSentenceTransformerWith>>) => estimateSentenceTransformerWith(registry, ...args);
/** A base model plus its PEFT adapter, with every architecture at hand. */
export const estimateWithAdapter = (...args: DropFirst<Parameters<typeof estimateWithAdapterWith>>) => estimateWithAdapterWith(registry, ...args);

type DropFirst<T extends readonly unknown[]> = T extends readonly [unknown, ...infer R] ? R : never;
