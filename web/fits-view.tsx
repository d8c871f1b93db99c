// "What can I run on this GPU?": the page's view of `estimate-memory fits` — every shipped config, planned in the
// browser with the planner's settings; those that fit, largest first, with their max batch and context.
import { useState } from "preact/hooks";
import { modelsThatFit, type FitsCandidate, type FitsOutcome } from "../src/core/fits.js";
import { parseConfigJson } from "../src/core/config/parse-json.js";
import type { PlanOptions } from "../src/core/plan/types.js";
import { loadCatalog } from "./resolve.js";

const gib = (n: number) => `${(n / 2 ** 30).toFixed(2)} GiB`;
const SHOWN = 25;

async function shippedCandidates(base: string): Promise<FitsCandidate[]> {
  const index = await loadCatalog(base);
  const ids = Object.keys(index.models).sort();
  return Promise.all(
    ids.map(async (id) => {
      const entry = index.models[id] as { file: string; library: FitsCandidate["library"] };
      const text = await (await fetch(`${base}catalog/configs/${entry.file}`)).text();
      return { id, config: parseConfigJson(text, entry.file), library: entry.library };
    }),
  );
}

export function FitsView({ options, base }: { options: PlanOptions; base: string }) {
  const [state, setState] = useState<{ kind: "idle" } | { kind: "busy" } | { kind: "error"; message: string } | { kind: "done"; outcome: FitsOutcome; key: string }>({ kind: "idle" });
  const key = JSON.stringify(options);
  const run = async () => {
    setState({ kind: "busy" });
    try {
      // Every shipped model is planned: the whole architecture set loads, only when this view is asked for.
      const [{ estimate }, candidates] = await Promise.all([import("../src/core/estimate-all.js"), shippedCandidates(base)]);
      const outcome = modelsThatFit(candidates, options, estimate);
      setState({ kind: "done", outcome, key });
    } catch (e) {
      setState({ kind: "error", message: (e as Error).message.split("\n")[0] ?? "failed" });
    }
  };
  return (
    <div class="fits">
      <button type="button" data-testid="fits-button" disabled={state.kind === "busy"} onClick={run}>
        What can I run on {options.gpu}?
      </button>
      {state.kind === "error" && <p class="note">{state.message}</p>}
      {state.kind === "done" && state.key === key && (
        <table class="grid" data-testid="fits-table">
          <caption>
            Shipped models that fit {options.gpu} ({state.outcome.fitting.length} of {state.outcome.planned}
            {state.outcome.fitting.length > SHOWN ? `; the ${SHOWN} largest` : ""})
          </caption>
          <thead>
            <tr><th scope="col">Model</th><th scope="col">Parameters</th><th scope="col">Peak</th><th scope="col">Max batch</th><th scope="col">Max context</th></tr>
          </thead>
          <tbody>
            {state.outcome.fitting.slice(0, SHOWN).map((r) => (
              <tr>
                <th scope="row">{r.model}</th>
                <td>{(r.plan?.parameters ?? r.parameters).toLocaleString("en-US")}</td>
                <td>{r.plan ? gib(r.plan.totalBytes) : ""}</td>
                <td>{r.plan?.maxBatchSize ?? "not modelled"}</td>
                <td>{r.plan?.maxSeqLen?.toLocaleString("en-US") ?? "n/a"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
