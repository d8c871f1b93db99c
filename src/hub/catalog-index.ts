// The shape of catalog/index.json: read from disk by the CLI, fetched by the page.
import type { Library } from "../core/estimate.js";

/** One shipped config: where it lives in catalog/configs and where it came from. */
export interface CatalogEntry {
  readonly file: string;
  readonly library: Library;
  readonly origin: string;
  /** True when no copy of the real file could be found and it was rebuilt from sources (see `origin`). */
  readonly rebuilt?: boolean;
}

export interface CatalogIndex {
  readonly models: Readonly<Record<string, CatalogEntry>>;
  /** Legacy ids the Hub redirects (`bert-base-cased` → `google-bert/bert-base-cased`). */
  readonly aliases: Readonly<Record<string, string>>;
}
