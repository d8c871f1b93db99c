/**
 * Node-only helpers on top of the core: resolving MODEL arguments (paths, the shipped catalog) and the CLI.
 */
export * from "./index.js";
export { resolveLocalModel, timmNameFromId, MAX_CONFIG_BYTES } from "./hub/resolve-model.js";
export type { ResolvedModel } from "./hub/resolve-model.js";
export { catalogIndex, catalogId, readCatalogConfig } from "./hub/catalog.js";
export { main } from "./cli/main.js";
