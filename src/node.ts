/**
 * Node-only helpers on top of the core: resolving MODEL arguments (paths, the Hub cache, the shipped catalog), the
 * application layer (resolve + estimate + plan options), the CLI and the server.
 */
export * from "./index.js";
export { resolveLocalPath, readConfigFile } from "./hub-node/local-model.js";
export { timmNameFromId } from "./hub/model-ref.js";
export { MAX_CONFIG_BYTES } from "./hub/resolved-model.js";
export type { ResolvedModel, WeightsSource } from "./hub/resolved-model.js";
export { resolveModel } from "./hub-node/resolve-model.js";
export type { ResolveOptions } from "./hub-node/resolve-model.js";
export { hubSettings } from "./hub-node/settings.js";
export type { HubSettings } from "./hub/settings.js";
export { HubError, GatedRepoError, RepoNotFoundError, HubUnreachableError } from "./hub/errors.js";
export { catalogIndex, catalogId, readCatalogConfig } from "./hub-node/catalog.js";
export { estimateModel, estimateResolved, type EstimateRequest } from "./app/estimate-model.js";
export { planOptionsFromNamed, planOptionsFromQuery, planOptionsToParams } from "./app/plan-options.js";
export { main } from "./cli/main.js";
export { startServer } from "./server/server.js";
export type { ServeOptions, RunningServer } from "./server/server.js";
