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
