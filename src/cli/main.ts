import { LIBRARIES, type Library } from "../core/estimate.js";
import { isEstimateError, UsageError } from "../core/errors.js";
import { csvHeader, csvLines, FORMATS, mapInOrder, markdownHeader, markdownLines, readModelList, type Format, type Outcome } from "./batch.js";
import { TABLE_DTYPES, type TableDType } from "../core/measure/table-rows.js";
import { supportedArchitectures } from "../core/load-architectures.js";
import { GatedRepoError } from "../hub/errors.js";
import { hubSettings } from "../hub-node/settings.js";
import { catalogIndex, catalogPipelines, catalogSentenceTransformers } from "../hub-node/catalog.js";
import { renderComponents } from "../core/format/components.js";
import { estimateModel, type EstimateRequest } from "../app/estimate-model.js";
import { errorMessage } from "../app/option-names.js";
import { planOptionsFromNamed } from "../app/plan-options.js";
import { reportMarkdown, reportOnce } from "../app/report.js";
import { parseHubReference } from "../hub/model-ref.js";
import type { EstimateResult } from "../core/estimate.js";
import { parseArgs, renderHelp, type HelpText, type OptionSpec } from "./args.js";
import { PLAN_OPTIONS, renderGpuList, renderPlan } from "./plan-cli.js";
import type { PlanOptions } from "../core/plan/types.js";

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether the streams are terminals (a batch progress bar needs stderr to be one, stdout not). */
  readonly stdoutIsTTY?: boolean;
  readonly stderrIsTTY?: boolean;
  /** How the Hub retry backoff waits (default: a timer); tests pass one that does not sleep. */
  readonly sleep?: (ms: number) => Promise<void>;
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
    description: "rows of the table: any of float32 float16 int8 int4 (default: all four)",
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
  "model-class": {
    kind: "value",
    aliases: ["model_class"],
    valueName: "CLASS",
    description: "transformers class to build (LlamaForCausalLM, BertForTokenClassification…) instead of accelerate's choice",
  },
  task: {
    kind: "value",
    valueName: "TASK",
    description: "build the class of a pipeline task (text-generation, text-classification, fill-mask, question-answering…)",
  },
  "gguf-file": { kind: "value", aliases: ["gguf_file"], valueName: "FILE", description: "the .gguf file of a GGUF repo to read (default: each one)" },
  report: {
    kind: "flag",
    description: "post accelerate's table to each MODEL's Hub discussions, as the Space does (needs a token; skipped when the report is there)",
  },
  port: { kind: "value", valueName: "PORT", description: "with `serve`: the port (default 7860)" },
  host: { kind: "value", valueName: "HOST", description: "with `serve`: the address to listen on (default 127.0.0.1)" },
  "use-token": {
    kind: "flag",
    aliases: ["use_token"],
    description: "with `serve`: send your token (HF_TOKEN, the token file or --access_token) with the server's Hub requests",
  },
  ...PLAN_OPTIONS,
  "list-gpus": { kind: "flag", aliases: ["list_gpus"], description: "print the accelerator catalog" },
  format: { kind: "value", choices: FORMATS, valueName: "FORMAT", description: "table (default), json, csv or markdown" },
  top: { kind: "value", valueName: "N", description: "with `fits`: list only the N largest models that fit" },
  "from-file": { kind: "value", aliases: ["from_file"], valueName: "FILE", description: "read more MODELs from FILE, one per line (# comments)" },
  json: { kind: "flag", description: "print one JSON object per MODEL (JSON Lines) instead of the table" },
  list: { kind: "flag", description: "print the supported model_types and timm architectures" },
  "list-models": { kind: "flag", aliases: ["list_models"], description: "print the model ids shipped for offline use" },
  version: { kind: "flag", description: "print the version" },
  help: { kind: "flag", short: "h", description: "print this help" },
} as const satisfies Record<string, OptionSpec>;

const USAGE = "estimate-memory [options] MODEL...   (estimate-memory --help for more)";

/** `--help`, grouped the way a user looks for a flag: what to measure, where from, planning, output, serving. */
const HELP: HelpText = {
  usage: [
    "estimate-memory [options] MODEL...",
    "estimate-memory fits --gpu NAME [planner options] [--json|--format csv|markdown] [--top N]",
    "estimate-memory serve [--port PORT] [--host HOST] [--use-token]",
  ],
  intro: [
    "How much memory a model needs, from its config alone: accelerate estimate-memory's table, exact, " +
      "and a planner for inference and training.",
    "MODEL is a Hub id (bert-base-cased, timm/resnet50.a1_in1k) or URL, a folder holding config.json, a " +
      "config.json, or a .safetensors / model.safetensors.index.json / .gguf file (headers only, never weights).",
  ],
  groups: [
    { title: "model and table", options: ["library_name", "model-class", "task", "dtypes", "trust_remote_code", "list", "list-models"] },
    {
      title: "Hub",
      options: ["revision", "access_token", "gguf-file", "report"],
      note:
        "Environment: HF_ENDPOINT (Hub URL), HF_TOKEN (token), HF_HOME / HF_HUB_CACHE (cache, shared with " +
        "huggingface_hub), HF_HUB_OFFLINE=1 (no requests: the cache and the configs shipped with estimate-memory).",
    },
    {
      title: "planner (memory to run or train the model; the options below need --inference or --train)",
      options: [...Object.keys(PLAN_OPTIONS), "list-gpus"],
    },
    { title: "output and batches", options: ["format", "json", "from-file", "top"] },
    { title: "serve (the web page and /api/estimate)", options: ["port", "host", "use-token"] },
    {
      title: "general",
      options: ["help", "version"],
      note: "Every --snake_case option is also accepted in --kebab-case, and the other way round.",
    },
  ],
  examples: [
    ["accelerate's table for a Hub model (offline: the config shipped for it)", "estimate-memory bert-base-cased"],
    ["only the float16 and int4 rows, for a local config", "estimate-memory --dtypes float16 int4 ./my-model/config.json"],
    ["does a 32k-token prompt fit on one RTX 4090?", 'estimate-memory Qwen/Qwen3-8B --inference --seq-len 32768 --gpu "RTX 4090"'],
    ["QLoRA fine-tuning with gradient checkpointing", "estimate-memory meta-llama/Llama-3.1-8B --train qlora --gradient-checkpointing"],
    ["full training over 8 GPUs with ZeRO-3", 'estimate-memory meta-llama/Llama-3.1-8B --train full --gpus 8 --zero 3 --gpu "H100 80GB"'],
    ["which shipped models run on an RTX 4090 at 8k tokens?", 'estimate-memory fits --gpu "RTX 4090 24GB" --inference --seq-len 8192'],
    ["many models to CSV", "estimate-memory --from-file models.txt --format csv > sizes.csv"],
    ["the web page on http://127.0.0.1:7860/", "estimate-memory serve"],
  ],
};

function debugEnabled(env: CliIO["env"]): boolean {
  return (env.DEBUG ?? "").split(",").some((d) => d.trim() === "estimate-memory" || d.trim() === "*");
}

/** One line naming the problem; the stack only with DEBUG=estimate-memory. */
function describeError(error: unknown, model: string | undefined, env: CliIO["env"]): string {
  const debug = debugEnabled(env) && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  if (isEstimateError(error)) {
    // Library errors name options by key; here they are flags. A gated repo says how this CLI takes a token.
    let text = errorMessage(error, "flag");
    if (error instanceof GatedRepoError) text += " with HF_TOKEN or --access_token";
    const message = model && !text.includes(model) ? `${model}: ${text}` : text;
    return message.split("\n")[0] + debug;
  }
  const text = error instanceof Error ? error.message : String(error);
  return `${model ? `${model}: ` : ""}internal error: ${text.split("\n")[0]} (run with DEBUG=estimate-memory for details)${debug}`;
}

async function version(): Promise<string> {
  const { readFileSync } = await import("node:fs");
  const { packageRoot } = await import("../hub-node/package-root.js");
  const pkg = JSON.parse(readFileSync(new URL("package.json", packageRoot()), "utf8")) as { version: string };
  return pkg.version;
}

/** `estimate-memory serve`: the web page and `/api/estimate`, until the process is interrupted. */
async function serve(o: Record<string, string | string[] | boolean>, io: CliIO): Promise<number> {
  const port = o.port === undefined ? 7860 : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`error: --port must be a port number (got ${String(o.port)})\n`);
    return 2;
  }
  // The only place the CLI reaches into the server, loaded on demand.
  const [{ startServer }, { packageRoot }] = await Promise.all([import("../server/server.js"), import("../hub-node/package-root.js")]);
  const { fileURLToPath } = await import("node:url");
  const staticDir = fileURLToPath(new URL("dist/web/", packageRoot()));
  // The operator's token (HF_TOKEN, the token file) would let any visitor read what it can read: it is sent only
  // when asked for.
  const env = hubSettings(io.env, o.access_token ? { accessToken: o.access_token as string } : {});
  const settings = { ...env, token: o["use-token"] ? env.token : undefined };
  if (o.access_token && !o["use-token"]) io.stderr("note: serve sends no token to the Hub without --use-token\n");
  const running = await startServer({ port, host: (o.host as string | undefined) ?? "127.0.0.1", settings, staticDir });
  io.stdout(`estimate-memory: serving ${running.url}/ (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void running.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  io.stdout("estimate-memory: stopped\n");
  return 0;
}

/** `estimate-memory fits --gpu NAME …`: the shipped models that fit (src/cli/fits.ts). */
async function fits(o: Record<string, string | string[] | boolean>, io: CliIO): Promise<number> {
  try {
    const plan = planOptionsFromNamed(o.train ? o : { ...o, inference: true }) as PlanOptions;
    if (!plan.gpu) throw new UsageError("fits needs --gpu NAME (see --list-gpus)");
    const top = o.top === undefined ? undefined : Number(o.top);
    if (top !== undefined && (!/^\d+$/.test(String(o.top)) || !Number.isSafeInteger(top) || top < 1)) throw new UsageError(`--top must be a positive integer (got ${String(o.top)})`);
    const { shippedModelsThatFit, renderFits } = await import("./fits.js");
    const format: Format = o.json ? "json" : ((o.format as Format | undefined) ?? "table");
    const outcome = await shippedModelsThatFit(plan);
    for (const line of renderFits(outcome, { plan, format, ...(top !== undefined ? { top } : {}) })) io.stdout(`${line}\n`);
    return 0;
  } catch (error) {
    io.stderr(`error: ${describeError(error, undefined, io.env)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
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
    io.stdout(renderHelp(HELP, OPTIONS) + "\n");
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
    io.stdout(`${[...Object.keys(models), ...Object.keys(aliases), ...Object.keys(catalogPipelines()), ...Object.keys(catalogSentenceTransformers())].filter((id, i, all) => all.indexOf(id) === i).sort().join("\n")}\n`);
    return 0;
  }
  if (o["list-gpus"]) {
    io.stdout(`${renderGpuList()}\n`);
    return 0;
  }
  if (args.positionals[0] === "serve" && args.positionals.length === 1) return serve(o, io);
  if (args.positionals[0] === "fits" && args.positionals.length === 1) return fits(o, io);
  if (args.positionals.length === 0 && !o["from-file"]) {
    io.stderr(`error: no MODEL given\nusage: ${USAGE}\n`);
    return 2;
  }
  let request: EstimateRequest = {
    ...(o.library_name ? { library: o.library_name as Library } : {}),
    ...(o.dtypes ? { dtypes: o.dtypes as TableDType[] } : {}),
    ...(o["model-class"] !== undefined ? { modelClass: o["model-class"] as string } : {}),
    ...(o.task !== undefined ? { task: o.task as string } : {}),
  };
  // Every planner option is checked here, once, before any model is resolved or any request sent.
  let planOptions: PlanOptions | undefined;
  try {
    planOptions = planOptionsFromNamed(o);
  } catch (error) {
    // One line naming the options at fault (the usage would not say more about a combination).
    io.stderr(`error: ${describeError(error, undefined, io.env)}\n`);
    return 2;
  }
  if (planOptions) request = { ...request, plan: planOptions };
  const settings = hubSettings(io.env, o.access_token ? { accessToken: o.access_token as string } : {});
  if (o.report && !settings.token) {
    io.stderr("error: --report posts to the model's discussions: it needs a token (HF_TOKEN or --access_token)\n");
    return 2;
  }
  if (o.report && settings.offline) {
    io.stderr("error: --report needs the Hub, and HF_HUB_OFFLINE is set\n");
    return 2;
  }
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
  const planned = request.plan !== undefined;
  if (format === "csv") io.stdout(`${csvHeader(request.dtypes, planned)}\n`);
  if (format === "markdown") io.stdout(`${markdownHeader(planned)}\n`);
  const estimateOne = async (model: string): Promise<Outcome> => {
    try {
      const results = await estimateModel(model, request, {
        settings,
        revision: o.revision as string | undefined,
        ggufFile: o["gguf-file"] as string | undefined,
        notice: (line) => io.stderr(`note: ${line}\n`),
        ...(io.sleep ? { sleep: io.sleep } : {}),
      });
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
  const toReport: { model: string; result: EstimateResult }[] = [];
  await mapInOrder(models, models.length > 1 ? 4 : 1, estimateOne, (outcome) => {
    progress?.increment();
    if (o.report && !("error" in outcome)) {
      const fromConfig = outcome.results.find((r) => r.source === "config");
      if (fromConfig) toReport.push({ model: outcome.model, result: fromConfig });
    }
    if ("error" in outcome) {
      failed++;
      io.stderr(`${progress ? "\n" : ""}error: ${outcome.error}\n`);
    } else if (outcome.partialErrors) {
      failed++;
      for (const line of outcome.partialErrors) io.stderr(`${progress ? "\n" : ""}error: ${line}\n`);
    }
    if (!("error" in outcome)) {
      for (const result of outcome.results) for (const w of result.plan?.warnings ?? []) io.stderr(`warning: ${result.model}: ${w}\n`);
    }
    if (format === "json") {
      if ("error" in outcome) io.stdout(`${JSON.stringify({ model: outcome.model, error: outcome.error.split("\n")[0] })}\n`);
      else for (const result of outcome.results) io.stdout(`${JSON.stringify(result)}\n`);
    } else if (format === "csv") {
      for (const line of csvLines(outcome, request.dtypes, planned)) io.stdout(`${line}\n`);
    } else if (format === "markdown") {
      for (const line of markdownLines(outcome, planned)) io.stdout(`${line}\n`);
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
  // The page's report, one discussion per repo, after the results (a slow or refused post does not hold them up).
  for (const { model, result } of toReport) {
    try {
      const repo = parseHubReference(model, settings.endpoint).repo;
      const done = await reportOnce({ hubUrl: settings.endpoint.replace(/\/+$/, ""), repo, token: settings.token as string }, reportMarkdown(result, ""));
      io.stderr(done.posted ? `report: posted to ${repo}'s discussions${done.url ? `: ${done.url}` : ""}\n` : `report: ${repo}'s discussions already have it\n`);
    } catch (error) {
      failed++;
      io.stderr(`error: ${model}: report: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
    }
  }
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
