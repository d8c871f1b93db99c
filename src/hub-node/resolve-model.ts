import { EstimateError, InvalidConfigError, ModelNotFoundError, optionError, optionRef, UsageError } from "../core/errors.js";
import { LIBRARIES, type Library } from "../core/estimate.js";
import { cachedFile, storeFile } from "./cache.js";
import { catalogPipelineDir, catalogSentenceTransformerDir, readCatalogConfig } from "./catalog.js";
import { GatedRepoError, HubError, HubUnreachableError, RepoNotFoundError } from "../hub/errors.js";
import { createHubFetch, type HubFetch } from "../hub/hub-fetch.js";
import { isSafeRepoPath, isSafeRevision, parseHubReference, timmNameFromId, type HubReference } from "../hub/model-ref.js";
import { looksLikePath, MAX_CONFIG_BYTES, type ResolvedModel, type WeightsSource } from "../hub/resolved-model.js";
import { readConfigFile, readPipelineFolder, readSentenceTransformerFolder, resolveLocalPath } from "./local-model.js";
import { tensorsFromHeader } from "../hub/weights/safetensors.js";
import { ggufLabel, tensorsFromGguf } from "../hub/weights/gguf.js";
import type { HubSettings } from "../hub/settings.js";
import { existsSync } from "node:fs";

export interface ResolveOptions {
  readonly settings: HubSettings;
  /** `--revision`; a URL's `/tree/REV` is used when absent; default "main". */
  readonly revision?: string | undefined;
  /** Informational lines for stderr (e.g. "used the shipped config"). */
  readonly notice?: (line: string) => void;
  /** The fetch under the Hub client (tests pass one that counts requests). */
  readonly fetch?: typeof fetch;
  /** How the retry backoff waits (default: a timer); tests pass one that does not sleep. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** `--gguf-file`: which .gguf of a repo to read (default: all, one table each). */
  readonly ggufFile?: string | undefined;
  /**
   * Whether MODEL may name a local file or folder (default true). A server says false: then nothing on its disk
   * is looked at, and every MODEL that is not a Hub reference gets the same refusal, whether or not such a path
   * exists there.
   */
  readonly localPaths?: boolean;
}

const CONFIG = "config.json";

/** How far a shipped config can be trusted, for the notice: a copy of the real file, or rebuilt from the card. */
function shippedKind(shipped: NonNullable<ResolvedModel["shipped"]>): string {
  return shipped.rebuilt
    ? " (rebuilt from the model card, not the repository's file: sizes as the card gives them)"
    : " (a copy of the repository's config.json)";
}

function fromCatalog(name: string, repo: string): ResolvedModel | undefined {
  const pipeline = catalogPipelineDir(repo);
  if (pipeline) return { name, origin: `catalog:${pipeline.id}`, library: "diffusers", pipeline: readPipelineFolder(pipeline.path) };
  const sentence = catalogSentenceTransformerDir(repo);
  if (sentence) return { name, origin: `catalog:${sentence.id}`, sentenceTransformer: readSentenceTransformerFolder(sentence.path) };
  const shipped = readCatalogConfig(repo) ?? readCatalogConfig(name);
  if (!shipped) return undefined;
  const timmModelName = shipped.entry.library === "timm" ? timmNameFromId(shipped.id) : undefined;
  return {
    name,
    config: shipped.config,
    origin: `catalog:${shipped.id}`,
    shipped: { origin: shipped.entry.origin, rebuilt: shipped.entry.rebuilt === true },
    library: shipped.entry.library,
    ...(timmModelName ? { timmModelName } : {}),
  };
}

function fromCache(name: string, ref: HubReference, revision: string, settings: HubSettings): ResolvedModel | undefined {
  const path = cachedFile(settings.cacheDir, ref.repo, revision, CONFIG);
  if (!path) return undefined;
  const timmModelName = timmNameFromId(ref.repo);
  return { name, config: readConfigFile(path), origin: path, ...(timmModelName ? { timmModelName } : {}) };
}

/** Turns the Hub client's error into one of ours, with a line a user can act on. Never includes the token. */
function hubFailure(error: unknown, repo: string, hubFetch: HubFetch, revision: string, HubApiError: new (...args: never[]) => { statusCode: number; message: string }): EstimateError {
  if (error instanceof EstimateError) return error;
  if (error instanceof HubApiError) {
    const code = hubFetch.lastErrorCode;
    const status = error.statusCode;
    const text = `${error.message}`.toLowerCase();
    if (code === "GatedRepo" || ((status === 401 || status === 403) && /gated|restricted|access to model/.test(text) && code !== "RepoNotFound")) {
      return new GatedRepoError(`${repo} is gated: request access on the Hub and pass a token`, status, code);
    }
    if (code === "RepoNotFound" || status === 401 || status === 404) {
      if (code === "RevisionNotFound") return new RepoNotFoundError(`revision ${revision} not found in ${repo}`, status, code);
      return new RepoNotFoundError(`${repo} not found on the Hub (private? pass a token)`, status, code);
    }
    if (status === 429 || status >= 500) {
      return new HubError(`the Hub answered HTTP ${status} for ${repo} after several tries; try again later`, status, code);
    }
    return new HubError(`the Hub answered HTTP ${status} for ${repo}`, status, code);
  }
  if (error instanceof TypeError && /access token/.test(error.message)) {
    return new UsageError("the access token is not a Hugging Face token (it must start with hf_)");
  }
  return new HubError(`reading ${repo} from the Hub failed: ${error instanceof Error ? error.message : String(error)}`, undefined, undefined, {
    cause: error,
  });
}

interface HubWeightsParams {
  readonly input: string;
  readonly repo: string;
  readonly commit: string;
  readonly files: ReadonlySet<string>;
  readonly settings: HubSettings;
  readonly hubFetch: HubFetch;
  readonly ggufFile: string | undefined;
}

const GGUF_SHARD = /-(\d{5})-of-(\d{5})\.gguf$/;

/**
 * Reads checkpoint headers from the Hub with Range requests: safetensors (single or sharded through the index,
 * via @huggingface/hub) or GGUF (via @huggingface/gguf; one table per file, shards read together).
 */
function hubWeights(p: HubWeightsParams): (() => Promise<WeightsSource[]>) | undefined {
  const credentials = p.settings.token ? { accessToken: p.settings.token as `hf_${string}` } : {};
  const hasSafetensors = p.files.has("model.safetensors") || p.files.has("model.safetensors.index.json");
  // Names come from the Hub's listing (or the user): any that would leave the repo folder is never requested.
  const ggufFiles = [...p.files].filter((f) => f.toLowerCase().endsWith(".gguf") && isSafeRepoPath(f) && (!GGUF_SHARD.test(f) || /-00001-of-/.test(f)));
  const mapped = (load: () => Promise<WeightsSource[]>) => async () => {
    try {
      return await load();
    } catch (error) {
      const { HubApiError } = await import("@huggingface/hub");
      throw hubFailure(error, p.repo, p.hubFetch, p.commit, HubApiError);
    }
  };
  if (p.ggufFile) {
    const file = p.ggufFile;
    if (!isSafeRepoPath(file)) return async () => {
      throw optionError`${optionRef("ggufFile")} ${file} names a file outside the repo`;
    };
    if (!p.files.has(file)) return async () => {
      throw new ModelNotFoundError(`${p.repo} has no file ${file}`);
    };
    return mapped(() => readHubGguf(p, [file]));
  }
  if (hasSafetensors) {
    return mapped(async () => {
      const { parseSafetensorsMetadata } = await import("@huggingface/hub");
      const parsed = await parseSafetensorsMetadata({
        repo: p.repo,
        revision: p.commit,
        hubUrl: p.settings.endpoint,
        fetch: p.hubFetch as typeof fetch,
        ...credentials,
      });
      const headers = parsed.sharded ? Object.entries(parsed.headers) : [["model.safetensors", parsed.header] as const];
      const tensors = headers.flatMap(([file, header]) => tensorsFromHeader(header, `${p.repo}/${file}`));
      return [{ name: p.input, source: "safetensors" as const, tensors }];
    });
  }
  if (ggufFiles.length > 0) return mapped(() => readHubGguf(p, ggufFiles));
  return undefined;
}

async function readHubGguf(p: HubWeightsParams, files: readonly string[]): Promise<WeightsSource[]> {
  const { gguf, ggufAllShards } = await import("@huggingface/gguf");
  const results: WeightsSource[] = [];
  for (const file of files) {
    const url = `${p.settings.endpoint}/${p.repo}/resolve/${p.commit}/${file.split("/").map(encodeURIComponent).join("/")}`;
    const fetchFn = p.hubFetch as typeof fetch;
    const infos = GGUF_SHARD.test(file)
      ? (await ggufAllShards(url, { fetch: fetchFn })).shards.flatMap((s) => s.tensorInfos)
      : (await gguf(url, { fetch: fetchFn })).tensorInfos;
    const label = ggufLabel(file);
    results.push({ name: files.length > 1 ? `${p.input}/${file}` : p.input, source: "gguf", tensors: tensorsFromGguf(infos, `${p.repo}/${file}`), ...(label ? { modelClass: `gguf:${label}` } : {}) });
  }
  return results;
}

/**
 * Resolves MODEL to its config: a local path; else the Hub (model info, then config.json into the
 * huggingface_hub cache); offline (`HF_HUB_OFFLINE=1`) or when the Hub cannot be reached, the cache and then
 * the shipped catalog.
 */
export async function resolveModel(input: string, options: ResolveOptions): Promise<ResolvedModel> {
  if (options.localPaths === false) {
    // The refusal does not repeat the path: the answer is the same for every path, whatever is on this disk.
    if (looksLikePath(input)) throw optionError`${optionRef("model")} must be a Hub model id or URL: local paths are not read here`;
  } else {
    if (existsSync(input)) {
      const local = resolveLocalPath(input);
      if (!local.adapter) return local;
      // A PEFT adapter: its base is any MODEL (Hub id or local path), resolved the same way (never another adapter).
      const { baseName } = local.adapter;
      let base: ResolvedModel;
      try {
        base = await resolveModel(baseName, options);
      } catch (error) {
        throw new ModelNotFoundError(`the adapter's base \`${baseName}\` cannot be resolved: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (base.adapter) throw new InvalidConfigError(`the adapter's base \`${baseName}\` is itself an adapter`);
      return { ...local, adapter: { ...local.adapter, base } };
    }
    if (looksLikePath(input)) throw new ModelNotFoundError(`${input}: no such file or folder`);
  }
  const { settings } = options;
  const ref = parseHubReference(input, settings.endpoint);
  const revision = options.revision ?? ref.revision ?? "main";
  if (!isSafeRevision(revision)) throw optionError`${optionRef("revision")} \`${revision}\` is not a branch, tag or commit name`;

  if (settings.offline) {
    const offline = fromCache(input, ref, revision, settings) ?? fromCatalog(input, ref.repo);
    if (offline) {
      if (offline.shipped) options.notice?.(`${input}: HF_HUB_OFFLINE is set; using the config shipped with estimate-memory${shippedKind(offline.shipped)}`);
      else if (offline.pipeline) options.notice?.(`${input}: HF_HUB_OFFLINE is set; using the pipeline configs shipped with estimate-memory`);
      return offline;
    }
    throw new ModelNotFoundError(`${input} is not in the cache (${settings.cacheDir}) nor in the shipped catalog, and HF_HUB_OFFLINE is set`);
  }

  // The Hub client is loaded only when a request is due: offline and catalog runs start faster without it.
  const { downloadFile, HubApiError, modelInfo } = await import("@huggingface/hub");
  const hubFetch = createHubFetch({
    endpoint: settings.endpoint,
    token: settings.token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const credentials = settings.token ? { accessToken: settings.token as `hf_${string}` } : {};
  const common = { hubUrl: settings.endpoint, fetch: hubFetch as typeof fetch, ...credentials };
  try {
    const info = await modelInfo({ name: ref.repo, revision, additionalFields: ["sha", "library_name", "filePaths", "config"], ...common });
    const files = new Set(info.filePaths ?? []);
    // The commit names a cache folder: only a real commit id from the Hub's answer is taken as one.
    const commit = typeof info.sha === "string" && /^[0-9a-f]{40}$/.test(info.sha) ? info.sha : revision;
    const libraryName = LIBRARIES.includes(info.library_name as Library) ? (info.library_name as Library) : undefined;
    const weights = hubWeights({ input, repo: ref.repo, commit, files, settings, hubFetch, ggufFile: options.ggufFile ?? (ref.path?.endsWith(".gguf") ? ref.path : undefined) });
    const timmModelName = timmNameFromId(ref.repo);
    const library = libraryName === "timm" || timmModelName ? { library: libraryName ?? ("timm" as const) } : {};
    if (!files.has(CONFIG) || ref.path?.endsWith(".gguf")) {
      if (!weights) throw new ModelNotFoundError(`${ref.repo} has no config.json and no safetensors or GGUF weights on the Hub`);
      return { name: input, origin: `${settings.endpoint}/${ref.repo}`, weights, ...library };
    }
    let path = cachedFile(settings.cacheDir, ref.repo, commit, CONFIG);
    if (!path) {
      const blob = await downloadFile({ repo: ref.repo, path: CONFIG, revision: commit, ...common });
      if (!blob) throw new ModelNotFoundError(`${ref.repo} has no config.json on the Hub`);
      // The size is known before the body is read: a hostile or broken repo never gets a 10 GB "config" into memory.
      if (blob.size > MAX_CONFIG_BYTES) throw new InvalidConfigError(`${ref.repo}: config.json is ${blob.size} bytes: larger than the 10 MB a config may be`);
      const content = new Uint8Array(await blob.arrayBuffer());
      path = storeFile(settings.cacheDir, ref.repo, { revision, commit, path: CONFIG, content });
    }
    return {
      name: input,
      config: readConfigFile(path),
      origin: path,
      ...library,
      ...(timmModelName ? { timmModelName } : {}),
      ...(weights ? { weights } : {}),
    };
  } catch (error) {
    if (error instanceof HubUnreachableError) {
      const fallback = fromCache(input, ref, revision, settings) ?? fromCatalog(input, ref.repo);
      if (fallback) {
        options.notice?.(
          `${input}: the Hub at ${settings.endpoint} cannot be reached; using the ${fallback.shipped ? `config shipped with estimate-memory${shippedKind(fallback.shipped)}` : fallback.pipeline ? "pipeline configs shipped with estimate-memory" : "cached config"}`,
        );
        return fallback;
      }
    }
    throw hubFailure(error, ref.repo, hubFetch, revision, HubApiError);
  }
}

