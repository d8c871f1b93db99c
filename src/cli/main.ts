import { estimate, LIBRARIES, type EstimateResult, type Library } from "../core/estimate.js";
import { isEstimateError, UnsupportedArchitectureError, UsageError } from "../core/errors.js";
import { estimateFromTensors } from "../core/weights/estimate-weights.js";
import { estimatePipeline } from "../core/pipeline.js";
import { estimateSentenceTransformer } from "../core/sentence-transformers.js";
import { estimateWithAdapter } from "../core/adapter.js";
import { renderComponents } from "../core/format/components.js";
import { csvHeader, csvLines, FORMATS, mapInOrder, MARKDOWN_HEADER, markdownLines, readModelList, type Format, type Outcome } from "./batch.js";
import { TABLE_DTYPES, type TableDType } from "../core/measure/table-rows.js";
import { supportedArchitectures } from "../core/architectures/registry.js";
import type { ResolvedModel } from "../hub/resolve-model.js";
import { resolveModel } from "../hub/resolve-hub-model.js";
import { hubSettings } from "../hub/settings.js";
import { catalogIndex, catalogPipelines, catalogSentenceTransformers } from "../hub/catalog.js";
import { parseArgs, renderHelp, type OptionSpec } from "./args.js";
import { PLAN_OPTIONS, planOptionsFrom, renderGpuList, renderPlan } from "./plan-cli.js";
import type { PlanOptions } from "../core/plan/types.js";

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether the streams are terminals (a batch progress bar needs stderr to be one, stdout not). */
  readonly stdoutIsTTY?: boolean;
  readonly stderrIsTTY?: boolean;
}

export const OPTIONS = {
  library_name: {
    kind: "value",
    aliases: ["library-name"],
    choices: LIBRARIES,
    valueName: "LIBRARY",
    description: "transformers, timm or diffusers; detected from the config (or model_index.json) when absent",
  },
  dtypes: {
    kind: "values",
    choices: TABLE_DTYPES,
    valueName: "DTYPE",
    description: "rows of the table, any of float32 float16 int8 int4 (default: all four)",
  },
  trust_remote_code: {
    kind: "flag",
    aliases: ["trust-remote-code"],
    description: "accepted for compatibility with accelerate; no code is ever run: the tree is built from the config",
  },
  revision: { kind: "value", valueName: "REV", description: "branch, tag or commit to read on the Hub (default: main)" },
  access_token: {
    kind: "value",
    aliases: ["access-token", "token"],
    valueName: "TOKEN",
    description: "Hub token for gated or private models (default: HF_TOKEN, then $HF_HOME/token); never printed",
  },
  "gguf-file": { kind: "value", aliases: ["gguf_file"], valueName: "FILE", description: "the .gguf file of a GGUF repo to read (default: each one)" },
  port: { kind: "value", valueName: "PORT", description: "with `serve`: the port (default 7860)" },
  host: { kind: "value", valueName: "HOST", description: "with `serve`: the address to listen on (default 127.0.0.1)" },
  ...PLAN_OPTIONS,
  format: { kind: "value", choices: FORMATS, valueName: "FORMAT", description: "table (default), json, csv or markdown" },
  "from-file": { kind: "value", aliases: ["from_file"], valueName: "FILE", description: "read more MODELs from FILE, one per line (# comments)" },
  json: { kind: "flag", description: "print one JSON object per MODEL (JSON Lines) instead of the table" },
  list: { kind: "flag", description: "print the supported model_types and timm architectures" },
  "list-models": { kind: "flag", aliases: ["list_models"], description: "print the model ids shipped for offline use" },
  version: { kind: "flag", description: "print the version" },
  help: { kind: "flag", description: "print this help" },
} as const satisfies Record<string, OptionSpec>;

const USAGE = "estimate-memory MODEL... [--library_name transformers|timm|diffusers] [--dtypes DTYPE ...] [--json]\n       estimate-memory serve [--port 7860] [--host 127.0.0.1]";
const INTRO = `How much memory a model needs, from its config alone — accelerate estimate-memory's table, exact.
MODEL is a Hub id (bert-base-cased, timm/resnet50.a1_in1k) or URL, a folder holding config.json, a config.json,
a diffusers pipeline folder (model_index.json and one subfolder per component), or a .safetensors / model.safetensors.index.json / .gguf file (headers only are read, never weights).

environment: HF_ENDPOINT (Hub URL), HF_TOKEN (token), HF_HOME / HF_HUB_CACHE (cache, shared with
huggingface_hub), HF_HUB_OFFLINE=1 (no requests: cache and shipped configs only).`;

function debugEnabled(env: CliIO["env"]): boolean {
  return (env.DEBUG ?? "").split(",").some((d) => d.trim() === "estimate-memory" || d.trim() === "*");
}

/** One line naming the problem; the stack only with DEBUG=estimate-memory. */
function describeError(error: unknown, model: string | undefined, env: CliIO["env"]): string {
  const debug = debugEnabled(env) && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  if (isEstimateError(error)) {
    const message = model && !error.message.includes(model) ? `${model}: ${error.message}` : error.message;
    return message.split("\n")[0] + debug;
  }
  const text = error instanceof Error ? error.message : String(error);
  return `${model ? `${model}: ` : ""}internal error: ${text.split("\n")[0]} (run with DEBUG=estimate-memory for details)${debug}`;
}

async function version(): Promise<string> {
  const { readFileSync } = await import("node:fs");
  const { packageRoot } = await import("../hub/package-root.js");
  const pkg = JSON.parse(readFileSync(new URL("package.json", packageRoot()), "utf8")) as { version: string };
  return pkg.version;
}

export interface EstimateRequest {
  readonly library?: Library;
  readonly dtypes?: readonly TableDType[];
  readonly plan?: PlanOptions;
}

/**
 * The estimate for a resolved MODEL: from its config when this package builds the architecture; from the
 * checkpoint headers (never running remote code) when it does not, or when there is no config at all.
 */
export async function estimateResolved(resolved: ResolvedModel, request: EstimateRequest): Promise<EstimateResult[]> {
  const library = request.library ?? resolved.library;
  const fromHeaders = async (): Promise<EstimateResult[]> => {
    const sources = await (resolved.weights as NonNullable<ResolvedModel["weights"]>)();
    const config = typeof resolved.config === "object" && resolved.config !== null ? (resolved.config as Record<string, unknown>) : undefined;
    return sources.map((w) =>
      estimateFromTensors(w.tensors, {
        model: w.name,
        source: w.source,
        ...(config ? { config } : {}),
        ...(library ? { library } : {}),
        ...(request.dtypes ? { dtypes: request.dtypes } : {}),
        ...(w.modelClass ? { modelClass: w.modelClass } : {}),
      }),
    );
  };
  if (resolved.pipeline) {
    if (request.plan) throw new UsageError("planning diffusion pipelines is not supported yet (run without --inference/--train)");
    return [estimatePipeline(resolved.pipeline.modelIndex, resolved.pipeline.components, { model: resolved.name, ...(request.dtypes ? { dtypes: request.dtypes } : {}) })];
  }
  if (resolved.adapter) {
    const base = resolved.adapter.base;
    if (!base || base.config === undefined || base.pipeline || base.sentenceTransformer) {
      throw new UnsupportedArchitectureError(`the adapter's base \`${resolved.adapter.baseName}\` has no transformers config.json to build`, resolved.adapter.baseName);
    }
    if (request.plan) {
      // The planner plans the base with this adapter's LoRA: its r and targets, unless --lora-r / --lora-targets say otherwise.
      const a = resolved.adapter.config as Record<string, unknown>;
      const targets = a.target_modules;
      if (typeof targets === "string" && targets !== "all-linear") {
        throw new UsageError("this adapter's target_modules is a regex; the planner takes a list or all-linear (pass --lora-targets)");
      }
      const fromAdapter = {
        ...(typeof a.r === "number" ? { loraR: a.r } : {}),
        ...(targets === "all-linear" || Array.isArray(targets) ? { loraTargets: targets as "all-linear" | string[] } : {}),
      };
      return [estimate(base.config, { model: resolved.name, plan: { ...fromAdapter, ...request.plan }, ...(request.dtypes ? { dtypes: request.dtypes } : {}) })];
    }
    return [estimateWithAdapter(base.config, resolved.adapter.config, { model: resolved.name, ...(request.dtypes ? { dtypes: request.dtypes } : {}) })];
  }
  if (resolved.sentenceTransformer) {
    if (request.plan) throw new UsageError("planning sentence-transformers models is not supported yet (run without --inference/--train)");
    const { modules, configs } = resolved.sentenceTransformer;
    return [estimateSentenceTransformer(modules, configs, { model: resolved.name, ...(request.dtypes ? { dtypes: request.dtypes } : {}) })];
  }
  if (resolved.config === undefined) return fromHeaders();
  try {
    return [
      estimate(resolved.config, {
        model: resolved.name,
        ...(library ? { library } : {}),
        ...(request.dtypes ? { dtypes: request.dtypes } : {}),
        ...(resolved.timmModelName ? { timmModelName: resolved.timmModelName } : {}),
        ...(request.plan ? { plan: request.plan } : {}),
      }),
    ];
  } catch (error) {
    if (error instanceof UnsupportedArchitectureError && resolved.weights) return fromHeaders();
    throw error;
  }
}

/** `estimate-memory serve`: the web page and `/api/estimate`, until the process is interrupted. */
async function serve(o: Record<string, string | string[] | boolean>, io: CliIO): Promise<number> {
  const port = o.port === undefined ? 7860 : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`error: --port must be a port number (got ${String(o.port)})\n`);
    return 2;
  }
  const [{ startServer }, { packageRoot }] = await Promise.all([import("../server/server.js"), import("../hub/package-root.js")]);
  const { fileURLToPath } = await import("node:url");
  const staticDir = fileURLToPath(new URL("dist/web/", packageRoot()));
  const running = await startServer({ port, host: (o.host as string | undefined) ?? "127.0.0.1", settings: hubSettings(io.env), staticDir });
  io.stdout(`estimate-memory: serving ${running.url}/ (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(resolve);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}

/** Runs the CLI; returns the exit status (0 ok, 1 a model failed, 2 usage). */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, OPTIONS);
  } catch (error) {
    io.stderr(`error: ${describeError(error, undefined, io.env)}\n${`usage: ${USAGE}`}\n`);
    return 2;
  }
  const o = args.options;
  if (o.help) {
    io.stdout(renderHelp(USAGE, INTRO, OPTIONS) + "\n");
    return 0;
  }
  if (o.version) {
    io.stdout(`${await version()}\n`);
    return 0;
  }
  if (o.list) {
    const { transformers, timm, diffusers } = supportedArchitectures();
    io.stdout(
      `transformers model_types (${transformers.length}):\n${transformers.join("\n")}\n\ntimm architectures (${timm.length}):\n${timm.join("\n")}\n\n` +
        `diffusers classes (${diffusers.length}):\n${diffusers.join("\n")}\n`,
    );
    return 0;
  }
  if (o["list-models"]) {
    const { models, aliases } = catalogIndex();
    io.stdout(`${[...Object.keys(models), ...Object.keys(aliases), ...Object.keys(catalogPipelines())].filter((id, i, all) => all.indexOf(id) === i).sort().join("\n")}\n`);
    return 0;
  }
  if (o["list-gpus"]) {
    io.stdout(`${renderGpuList()}\n`);
    return 0;
  }
  if (args.positionals[0] === "serve" && args.positionals.length === 1) return serve(o, io);
  if (args.positionals.length === 0 && !o["from-file"]) {
    io.stderr(`error: no MODEL given\nusage: ${USAGE}\n`);
    return 2;
  }
  let request: EstimateRequest = {
    ...(o.library_name ? { library: o.library_name as Library } : {}),
    ...(o.dtypes ? { dtypes: o.dtypes as TableDType[] } : {}),
  };
  let planOptions: PlanOptions | undefined;
  try {
    planOptions = planOptionsFrom(o);
  } catch (error) {
    io.stderr(`error: ${describeError(error, undefined, io.env)}\nusage: ${USAGE}\n`);
    return 2;
  }
  if (planOptions) request = { ...request, plan: planOptions };
  const settings = hubSettings(io.env, o.access_token ? { accessToken: o.access_token as string } : {});
  const format: Format = o.json ? "json" : ((o.format as Format | undefined) ?? "table");
  let models = args.positionals;
  if (o["from-file"]) {
    try {
      models = [...models, ...readModelList(o["from-file"] as string)];
    } catch (error) {
      io.stderr(`error: ${describeError(error, undefined, io.env)}\n`);
      return 2;
    }
  }
  if (models.length === 0) {
    io.stderr(`error: no MODEL given\nusage: ${USAGE}\n`);
    return 2;
  }
  // A progress bar only where it cannot garble the results: stderr is a terminal and stdout is not.
  const progress = models.length > 1 && io.stderrIsTTY === true && io.stdoutIsTTY !== true ? await startProgress(models.length) : undefined;
  let failed = 0;
  let usageFailure = false;
  if (format === "csv") io.stdout(`${csvHeader(request.dtypes)}\n`);
  if (format === "markdown") io.stdout(`${MARKDOWN_HEADER}\n`);
  const estimateOne = async (model: string): Promise<Outcome> => {
    try {
      const resolved = await resolveModel(model, {
        settings,
        revision: o.revision as string | undefined,
        ggufFile: o["gguf-file"] as string | undefined,
        notice: (line) => io.stderr(`note: ${line}\n`),
      });
      const results = await estimateResolved(resolved, request);
      // A partial pipeline still prints its figures, and fails: one line per component left out.
      const skipped = results.flatMap((r) => r.skipped ?? []);
      if (skipped.length > 0) {
        const lines = skipped.map((s) => `${model}: component \`${s.name}\` (${s.library} ${s.modelClass}) left out: ${s.reason}`);
        return { model, results, partialErrors: lines };
      }
      return { model, results };
    } catch (error) {
      if (error instanceof UsageError) usageFailure = true;
      return { model, error: describeError(error, model, io.env) };
    }
  };
  // Hub requests overlap a little (bounded), output stays in argument order.
  await mapInOrder(models, models.length > 1 ? 4 : 1, estimateOne, (outcome) => {
    progress?.increment();
    if ("error" in outcome) {
      failed++;
      io.stderr(`${progress ? "\n" : ""}error: ${outcome.error}\n`);
    } else if (outcome.partialErrors) {
      failed++;
      for (const line of outcome.partialErrors) io.stderr(`${progress ? "\n" : ""}error: ${line}\n`);
    }
    if (format === "json") {
      if ("error" in outcome) io.stdout(`${JSON.stringify({ model: outcome.model, error: outcome.error.split("\n")[0] })}\n`);
      else for (const result of outcome.results) io.stdout(`${JSON.stringify(result)}\n`);
    } else if (format === "csv") {
      for (const line of csvLines(outcome, request.dtypes)) io.stdout(`${line}\n`);
    } else if (format === "markdown") {
      for (const line of markdownLines(outcome)) io.stdout(`${line}\n`);
    } else if (!("error" in outcome)) {
      for (const result of outcome.results) {
        if (result.components) io.stdout(`Loading pipeline \`${outcome.model}\` (${result.modelClass})...\n${result.table}\n${renderComponents(result)}\n`);
        else if (result.adapter) {
          const a = result.adapter;
          io.stdout(`Loading adapter \`${outcome.model}\` (${a.method}, r=${a.r}, ${a.targetedModules} modules) on \`${result.modelClass}\`...\n${result.table}\nadapter: ${a.parameters.toLocaleString("en-US")} parameters (float32 ${a.bytes.toLocaleString("en-US")} bytes), included in the table\n`);
        } else if (result.source === "config") io.stdout(`Loading pretrained config for \`${outcome.model}\` from \`${result.library}\`...\n${result.table}\n${result.plan ? `${renderPlan(result.plan)}\n` : ""}`);
        else io.stdout(`Reading ${result.source} headers of \`${result.model}\` (no buildable config)...\n${result.table}\n`);
      }
    }
  });
  progress?.stop();
  if (models.length > 1) io.stderr(`${models.length - failed} ok, ${failed} failed\n`);
  if (usageFailure && models.length === 1) return 2;
  return failed > 0 ? 1 : 0;
}

/** cli-progress on stderr, loaded only for batch runs in a terminal. */
async function startProgress(total: number): Promise<{ increment(): void; stop(): void }> {
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: "{bar} {value}/{total} models", hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return { increment: () => bar.increment(), stop: () => bar.stop() };
}
