// The page: Accelerate's "Model Memory Usage" Space in one fast static page. The estimator runs here, in the
// browser (the same core as the CLI); configs come from the shipped catalog or straight from the Hub.
import { render } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { ComponentType } from "preact";
import type { EstimateResult, Library } from "../src/core/estimate.js";
import { estimateConfig, estimateLoaded } from "../src/app/estimate.js";
import { errorMessage } from "../src/app/option-names.js";
import { TABLE_DTYPES, TABLE_HEADERS, STAGE_HEADERS, trainingStages, type TableDType } from "../src/core/measure/table-rows.js";
import { resolveInBrowser } from "./resolve.js";
import { postReport, reportExists, reportMarkdown } from "../src/app/report.js";
import { ModelSearch } from "./model-search.js";
import { cliFlags, planOptionsOf, PlannerControls, plannerParams, PlanView, readPlanner, type PlannerState } from "./planner.js";
import type { BrowserModel } from "./resolve.js";
import type { Plan } from "../src/core/plan/types.js";

const HUB_URL = (() => {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="hub-endpoint"]')?.content ?? "";
  return meta.startsWith("http") ? meta.replace(/\/+$/, "") : "https://huggingface.co";
})();
const BASE = new URL("./", location.href).href;

/** At most this many models side by side. */
const COMPARE_MAX = 4;

interface FormState {
  model: string;
  /** Every `model=` of the link (2 to 4: the comparison); the first is the one in the box. */
  models: string[];
  library: "auto" | Library;
  dtypes: TableDType[];
}

function readQuery(): FormState {
  const q = new URLSearchParams(location.search);
  const dtypes = (q.get("dtypes") ?? TABLE_DTYPES.join(",")).split(",").filter((d): d is TableDType => (TABLE_DTYPES as readonly string[]).includes(d));
  const library = q.get("library");
  const models = q.getAll("model").filter((m) => m.trim() !== "").slice(0, COMPARE_MAX);
  return {
    model: models[0] ?? "",
    models,
    library: library === "transformers" || library === "timm" ? library : "auto",
    dtypes: dtypes.length > 0 ? dtypes : [...TABLE_DTYPES],
  };
}

let view: "estimate" | "fits" = new URLSearchParams(location.search).get("view") === "fits" ? "fits" : "estimate";

function writeQuery(state: FormState, planner: PlannerState): void {
  const q = new URLSearchParams();
  const models = state.models.length > 1 ? state.models : state.model ? [state.model] : [];
  for (const m of models) q.append("model", m);
  if (view === "fits") q.set("view", "fits");
  if (state.library !== "auto") q.set("library", state.library);
  if (state.dtypes.length !== TABLE_DTYPES.length) q.set("dtypes", state.dtypes.join(","));
  for (const [k, v] of plannerParams(planner)) q.set(k, v);
  history.replaceState(null, "", `${location.pathname}${q.size > 0 ? `?${q}` : ""}`);
}

/** A model the page has read, kept so that planner changes recompute without fetching its config again. */
export interface Loaded {
  readonly resolved: BrowserModel;
  readonly library: Library | undefined;
}

/** `token`: the one the model was read with (the report checks the discussions with it, once). */
type Status = { kind: "idle" } | { kind: "busy" } | { kind: "error"; message: string } | { kind: "done"; result: EstimateResult; ms: number; loaded: Loaded; token: string };

/** The Planner's answer for the model shown, or why there is none (a planner error leaves the table standing). */
function planFor(loaded: Loaded, planner: PlannerState): { plan: Plan } | { error: string } | undefined {
  try {
    const options = planOptionsOf(planner);
    if (!options) return undefined;
    const { resolved, library } = loaded;
    // The model was estimated once already (estimateConfig): what it needs is loaded, re-planning is synchronous.
    const result = estimateLoaded(resolved.config, {
      model: resolved.id,
      dtypes: ["float32"],
      plan: options,
      ...(library ? { library } : {}),
      ...(resolved.timmModelName ? { timmModelName: resolved.timmModelName } : {}),
    });
    return result.plan ? { plan: result.plan } : { error: "no plan for this model" };
  } catch (e) {
    // Options named as the page's URL names them (`seq-len`), not by their library keys.
    return { error: errorMessage(e, "query").split("\n")[0] ?? "failed" };
  }
}

function ResultTable({ result }: { result: EstimateResult }) {
  return (
    <table class="grid" data-testid="memory-table">
      <caption>Memory usage for loading <code>{result.model}</code></caption>
      <thead>
        <tr>{TABLE_HEADERS.map((h) => <th scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {result.rows.map((r) => (
          <tr data-dtype={r.dtype}>
            <th scope="row">{r.dtype}</th>
            <td>{r.display.largestLayer}</td>
            <td>{r.display.total}</td>
            <td>{r.display.training}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StagesTable({ result }: { result: EstimateResult }) {
  const fractional = !Number.isInteger(result.totalBytes);
  return (
    <table class="grid" data-testid="stages-table">
      <caption>Training using Adam, explained</caption>
      <thead>
        <tr>{STAGE_HEADERS.map((h) => <th scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {result.rows.map((r) => {
          const s = trainingStages(result.totalBytes, r.dtype, fractional);
          return (
            <tr>
              <th scope="row">{r.dtype}</th>
              {s.display.map((v) => <td>{v}</td>)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One discussion check per model and token (not per keystroke in the token box): the answer is kept. */
const checks = new Map<string, Promise<boolean>>();

function Report({ result, token }: { result: EstimateResult; token: string }) {
  const [state, setState] = useState<"checking" | "ready" | "exists" | "posting" | "posted" | "error">("checking");
  const [detail, setDetail] = useState("");
  const target = { hubUrl: HUB_URL, repo: result.model, token };
  useEffect(() => {
    let live = true;
    setState("checking");
    const key = `${result.model}\n${token}`;
    if (!checks.has(key)) checks.set(key, reportExists(target));
    (checks.get(key) as Promise<boolean>).then(
      (exists) => live && setState(exists ? "exists" : "ready"),
      (e: unknown) => {
        checks.delete(key);
        if (live) (setState("error"), setDetail(String((e as Error).message)));
      },
    );
    return () => {
      live = false;
    };
  }, [result.model, token]);
  if (state === "checking") return <p class="note small" data-testid="report-checking">Checking the model's discussions…</p>;
  if (state === "exists") return <p class="note small" data-testid="report-exists">This model's discussions already have the report.</p>;
  if (state === "posted") return <p class="note" data-testid="report-done">Posted to the model's discussions{detail ? <>: <a href={detail}>{detail}</a></> : null}.</p>;
  if (state === "error") return <p class="note">Could not report to the model's discussions: {detail}</p>;
  return (
    <button
      type="button"
      data-testid="report"
      disabled={state === "posting"}
      onClick={async () => {
        setState("posting");
        try {
          const url = await postReport(target, reportMarkdown(result, `[this page](${location.href})`));
          checks.set(`${result.model}\n${token}`, Promise.resolve(true));
          setDetail(url ?? "");
          setState("posted");
        } catch (e) {
          setDetail((e as Error).message);
          setState("error");
        }
      }}
    >
      Report results in this model repo's discussions
    </button>
  );
}

/** A view in its own chunk, fetched when first shown (the first load carries the estimate alone). */
function useLazy<P>(load: () => Promise<ComponentType<P>>, wanted: boolean): ComponentType<P> | undefined {
  const [component, setComponent] = useState<{ c: ComponentType<P> } | undefined>(undefined);
  useEffect(() => {
    if (wanted && !component) void load().then((c) => setComponent({ c }));
  }, [wanted]);
  return component?.c;
}

function App() {
  const initial = useMemo(readQuery, []);
  const [form, setForm] = useState<FormState>(initial);
  const [planner, setPlanner] = useState<PlannerState>(() => readPlanner(new URLSearchParams(location.search)));
  // The form as last computed: planner changes rewrite the link for it, not for a model id still being typed.
  const [shown, setShown] = useState<FormState>(initial);
  const [token, setToken] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [theme, setTheme] = useState<"auto" | "light" | "dark">("auto");
  const [page, setPage] = useState(view);
  const prefersDark = useMemo(() => matchMedia("(prefers-color-scheme: dark)").matches, []);
  const dark = theme === "dark" || (theme === "auto" && prefersDark);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const comparing = shown.models.length > 1;
  const Compare = useLazy(() => import("./compare.js").then((m) => m.CompareView), comparing && page === "estimate");
  const Plots = useLazy(() => import("./plots.js").then((m) => m.PlotsView), status.kind === "done" && page === "estimate");
  const Fits = useLazy(() => import("./fits-view.js").then((m) => m.FitsView), page === "fits");

  const run = async (state: FormState) => {
    if (!state.model.trim()) return;
    writeQuery(state, planner);
    setShown(state);
    setStatus({ kind: "busy" });
    const started = performance.now();
    try {
      const resolved = await resolveInBrowser(state.model, { base: BASE, hubUrl: HUB_URL, ...(token ? { token } : {}) });
      const library = state.library === "auto" ? resolved.library : state.library;
      const result = await estimateConfig(resolved.config, {
        model: resolved.id,
        dtypes: state.dtypes,
        ...(library ? { library } : {}),
        ...(resolved.timmModelName ? { timmModelName: resolved.timmModelName } : {}),
      }, { planner: true });
      setStatus({ kind: "done", result, ms: performance.now() - started, loaded: { resolved, library }, token });
    } catch (e) {
      setStatus({ kind: "error", message: (e as Error).message.split("\n")[0] ?? "failed" });
    }
  };

  useEffect(() => {
    if (initial.model && page === "estimate") void run(initial);
  }, []);

  const planned = useMemo(() => (status.kind === "done" ? planFor(status.loaded, planner) : undefined), [status, planner]);
  const changePlanner = (next: PlannerState) => {
    setPlanner(next);
    writeQuery(shown, next);
  };
  const goTo = (next: "estimate" | "fits") => {
    view = next;
    setPage(next);
    writeQuery(shown, planner);
    if (next === "estimate" && status.kind === "idle" && form.model) void run(form);
  };

  const toggleDtype = (d: TableDType) => {
    const next = form.dtypes.includes(d) ? form.dtypes.filter((x) => x !== d) : TABLE_DTYPES.filter((x) => x === d || form.dtypes.includes(x));
    const updated = { ...form, dtypes: next.length > 0 ? next : form.dtypes };
    setForm(updated);
    // A shown result follows the precisions at once (the estimate is instant).
    if (status.kind === "done") void run(updated);
  };
  const single = (model: string): FormState => ({ ...form, model, models: [] });

  return (
    <>
      <header class="top">
        <div>
          <h1>Model memory estimator</h1>
          <p class="lede">How much memory a model needs, from its config alone — the numbers <code>accelerate estimate-memory</code> gives, computed in your browser.</p>
        </div>
        <button type="button" class="theme" aria-pressed={dark} data-testid="theme" onClick={() => setTheme(dark ? "light" : "dark")}>
          <span aria-hidden="true">{dark ? "☾" : "☀"}</span> Dark theme
        </button>
        <nav aria-label="Views">
          <a href="?" aria-current={page === "estimate" ? "page" : undefined} data-testid="nav-estimate" onClick={(e) => (e.preventDefault(), goTo("estimate"))}>Estimate a model</a>
          <a href="?view=fits" aria-current={page === "fits" ? "page" : undefined} data-testid="nav-fits" onClick={(e) => (e.preventDefault(), goTo("fits"))}>What can I run?</a>
        </nav>
      </header>
      <main>
        {page === "fits" ? (
          Fits ? <Fits base={BASE} planner={planner} onAsk={changePlanner} /> : <p class="note">Loading…</p>
        ) : (
          <>
            <section aria-labelledby="h-model">
              <h2 id="h-model">Model</h2>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(single(form.model));
                }}
              >
                <div class="wide">
                  <ModelSearch value={form.model} base={BASE} hubUrl={HUB_URL} token={token}
                    onInput={(model) => setForm({ ...form, model })}
                    onPick={(model) => {
                      const next = single(model);
                      setForm(next);
                      void run(next);
                    }} />
                </div>
                <label>
                  Library
                  <select name="library" value={form.library} onChange={(e) => setForm({ ...form, library: (e.target as HTMLSelectElement).value as FormState["library"] })}>
                    <option value="auto">auto</option>
                    <option value="transformers">transformers</option>
                    <option value="timm">timm</option>
                  </select>
                </label>
                <fieldset>
                  <legend>Precisions</legend>
                  {TABLE_DTYPES.map((d) => (
                    <label class="check">
                      <input type="checkbox" name="dtype" value={d} data-testid={`dtype-${d}`} checked={form.dtypes.includes(d)} onChange={() => toggleDtype(d)} />
                      {d}
                    </label>
                  ))}
                </fieldset>
                <label class="wide">
                  Hub token (optional; kept in this page's memory, sent only to the Hub)
                  <input type="password" name="token" value={token} autoComplete="off" onInput={(e) => setToken((e.target as HTMLInputElement).value)} />
                </label>
                <div class="actions wide">
                  <button type="submit" data-testid="submit" disabled={status.kind === "busy"}>Estimate</button>
                  <button type="button" class="secondary" data-testid="compare-add"
                    disabled={!form.model.trim() || (shown.models.length || 1) >= COMPARE_MAX}
                    onClick={() => {
                      const base = shown.models.length > 0 ? shown.models : shown.model ? [shown.model] : [];
                      const models = [...new Set([...base, form.model.trim()])].slice(0, COMPARE_MAX);
                      const next = { ...form, model: models[0] ?? form.model, models };
                      setShown(next);
                      writeQuery(next, planner);
                    }}>
                    Add to comparison
                  </button>
                </div>
              </form>
            </section>
            {comparing && (
              <section class="card" aria-labelledby="h-compare">
                <h2 id="h-compare">Comparison</h2>
                {Compare ? <Compare models={shown.models} planner={planner} base={BASE} hubUrl={HUB_URL} token={token}
                  onRemove={(id: string) => {
                    const models = shown.models.filter((m) => m !== id);
                    const next = { ...shown, models: models.length > 1 ? models : [], model: models[0] ?? "" };
                    setShown(next);
                    writeQuery(next, planner);
                  }} /> : <p class="note">Loading…</p>}
              </section>
            )}
            <section class="card planner" aria-labelledby="h-plan">
              <h2 id="h-plan">Plan</h2>
              <PlannerControls state={planner} onChange={changePlanner} />
              {planner.mode === "weights" ? (
                <p class="note small">Weights only: accelerate's table below. Choose inference, full training, LoRA or QLoRA for a per-GPU breakdown and a verdict.</p>
              ) : (
                // Space is held for the breakdown from the start, so that it does not push the tables when it arrives.
                <div class="plan-slot">
                  {planned && "plan" in planned && <PlanView plan={planned.plan} state={planner} />}
                  {planned && "error" in planned && <p class="error" role="alert" data-testid="plan-error">{planned.error}</p>}
                  {!planned && <p class="note">{status.kind === "busy" ? "Computing…" : "Estimate a model to see its plan."}</p>}
                </div>
              )}
            </section>
            <section class="results" aria-labelledby="h-results">
              <h2 id="h-results">Memory to load{status.kind === "done" ? <> <code>{status.result.model}</code></> : null}</h2>
              {status.kind === "busy" && <p class="note" role="status">Computing…</p>}
              {status.kind === "error" && <p class="error" role="alert" data-testid="error">{status.message}</p>}
              {status.kind === "idle" && <p class="note">Type a model id above: suggestions come from the shipped catalog and the Hub.</p>}
              {status.kind === "done" && (
                <>
                  <dl class="facts">
                    <div><dt>Class</dt><dd>{status.result.modelClass}</dd></div>
                    <div><dt>Parameters</dt><dd data-testid="parameters">{status.result.parameters.toLocaleString("en-US")}</dd></div>
                    <div><dt>Largest layer</dt><dd title={status.result.largestLayer.names.join(", ")}>{status.result.largestLayer.names.slice(0, 2).join(", ")}{status.result.largestLayer.names.length > 2 ? ` (+${status.result.largestLayer.names.length - 2})` : ""}</dd></div>
                  </dl>
                  <div class="table-scroll"><ResultTable result={status.result} /></div>
                  <div class="table-scroll"><StagesTable result={status.result} /></div>
                  <details>
                    <summary>As <code>accelerate estimate-memory</code> prints it</summary>
                    <pre data-testid="ascii">{status.result.table}</pre>
                  </details>
                  {status.token ? <Report result={status.result} token={status.token} /> : null}
                  <p class="note small" data-testid="timing">Computed in {status.ms.toFixed(0)} ms.</p>
                </>
              )}
            </section>
            {status.kind === "done" && (
              <section class="card" aria-labelledby="h-plots">
                <h2 id="h-plots">Memory against context and batch</h2>
                {Plots ? <Plots loaded={status.loaded} planner={planner} /> : <p class="note">Loading…</p>}
              </section>
            )}
          </>
        )}
      </main>
      <footer>
        <p>Same numbers from a terminal: <code data-testid="cli">npx estimate-memory {shown.model || form.model || "MODEL"}{planner.mode !== "weights" ? ` ${cliFlags(planner)}` : ""}</code></p>
      </footer>
    </>
  );
}

render(<App />, document.getElementById("app") as HTMLElement);
