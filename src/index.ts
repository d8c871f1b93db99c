/**
 * estimate-memory's library entry: the pure core (no Node APIs), usable in the browser.
 * `estimate(config, options)` returns the same object the CLI prints with `--json`; it holds every architecture.
 * `estimate-memory/lazy` is the same without them: `estimateAsync` loads what a config needs.
 */
export * from "./lazy.js";
export { estimate, supportedArchitectures, ALL_ARCHITECTURES, estimatePipeline, estimateSentenceTransformer, estimateWithAdapter } from "./core/estimate-all.js";
