/**
 * Node-only helpers on top of the core: resolving MODEL arguments (paths, the shipped catalog) and the CLI.
 */
export * from "./index.js";
export { resolveLocalPath, timmNameFromId, MAX_CONFIG_BYTES } from "./hub/resolve-model.js";
export { resolveModel } from "./hub/resolve-hub-model.js";
export type { ResolveOptions } from "./hub/resolve-hub-model.js";
export { hubSettings } from "./hub/settings.js";
export type { HubSettings } from "./hub/settings.js";
export { HubError, GatedRepoError, RepoNotFoundError, HubUnreachableError } from "./hub/errors.js";
export type { ResolvedModel } from "./hub/resolve-model.js";
export { catalogIndex, catalogId, readCatalogConfig } from "./hub/catalog.js";
export { main } from "./cli/main.js";
export { startServer } from "./server/server.js";
export type { ServeOptions, RunningServer } from "./server/server.js";
