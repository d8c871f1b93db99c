// The configs shipped in catalog/ (read from disk; the page fetches the same files over HTTP).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseConfigJson } from "../core/config/parse-json.js";
import type { CatalogEntry, CatalogIndex } from "../hub/catalog-index.js";
import { packageRoot } from "./package-root.js";

export type { CatalogEntry, CatalogIndex } from "../hub/catalog-index.js";

let catalogDir: URL | undefined;
const CATALOG_DIR = () => (catalogDir ??= new URL("catalog/", packageRoot()));
let index: CatalogIndex | undefined;

export function catalogIndex(): CatalogIndex {
  index ??= JSON.parse(readFileSync(new URL("index.json", CATALOG_DIR()), "utf8")) as CatalogIndex;
  return index;
}

/** The canonical id for `id` if the catalog ships it (exactly, or through a legacy alias). */
export function catalogId(id: string): string | undefined {
  const { models, aliases } = catalogIndex();
  if (Object.hasOwn(models, id)) return id;
  const target = Object.hasOwn(aliases, id) ? aliases[id] : undefined;
  return target && Object.hasOwn(models, target) ? target : undefined;
}

export interface CatalogConfig {
  readonly id: string;
  readonly entry: CatalogEntry;
  readonly config: unknown;
  readonly path: string;
}

export function readCatalogConfig(id: string): CatalogConfig | undefined {
  const canonical = catalogId(id);
  if (!canonical) return undefined;
  const entry = catalogIndex().models[canonical] as CatalogEntry;
  const path = fileURLToPath(new URL(`configs/${entry.file}`, CATALOG_DIR()));
  return { id: canonical, entry, config: parseConfigJson(readFileSync(path, "utf8"), path), path };
}

/** One shipped pipeline: a folder under catalog/pipelines holding model_index.json and its components' configs. */
export interface CatalogPipeline {
  readonly dir: string;
  /** Every shipped file (`model_index.json`, `transformer/config.json`…) with where it came from. */
  readonly files: Readonly<Record<string, { readonly origin: string; readonly rebuilt?: boolean }>>;
}

let pipelines: Readonly<Record<string, CatalogPipeline>> | undefined;

/** catalog/pipelines/index.json: the diffusers pipelines shipped for offline use. */
export function catalogPipelines(): Readonly<Record<string, CatalogPipeline>> {
  pipelines ??= (JSON.parse(readFileSync(new URL("pipelines/index.json", CATALOG_DIR()), "utf8")) as { pipelines: Record<string, CatalogPipeline> }).pipelines;
  return pipelines;
}

/** The folder of a shipped pipeline, to be read like any local pipeline folder. */
export function catalogPipelineDir(id: string): { id: string; path: string } | undefined {
  const all = catalogPipelines();
  const key = Object.hasOwn(all, id) ? id : Object.keys(all).find((k) => k.toLowerCase() === id.toLowerCase());
  if (!key) return undefined;
  return { id: key, path: fileURLToPath(new URL(`pipelines/${(all[key] as CatalogPipeline).dir}/`, CATALOG_DIR())) };
}

let sentenceModels: Readonly<Record<string, CatalogPipeline>> | undefined;

/** catalog/sentence-transformers/index.json: sentence-transformers models shipped with their modules.json. */
export function catalogSentenceTransformers(): Readonly<Record<string, CatalogPipeline>> {
  sentenceModels ??= (JSON.parse(readFileSync(new URL("sentence-transformers/index.json", CATALOG_DIR()), "utf8")) as { models: Record<string, CatalogPipeline> }).models;
  return sentenceModels;
}

/** The folder of a shipped sentence-transformers model (modules.json + config.json). */
export function catalogSentenceTransformerDir(id: string): { id: string; path: string } | undefined {
  const all = catalogSentenceTransformers();
  if (!Object.hasOwn(all, id)) return undefined;
  return { id, path: fileURLToPath(new URL(`sentence-transformers/${(all[id] as CatalogPipeline).dir}/`, CATALOG_DIR())) };
}
