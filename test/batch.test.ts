// Batch runs: many MODELs or --from-file, CSV / Markdown / JSON output in order, failures don't stop the run.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { loadReference } from "./helpers/reference.js";
import { tempDir } from "./helpers/temp-dir.js";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { HF_HUB_OFFLINE: "1", HF_HOME: tempDir("em-batch-home-") },
  });
  return { code, stdout, stderr };
}

const defaults = loadReference("transformers-default-configs.jsonl");
const dir = tempDir("em-batch-");
const paths = defaults.map((r) => {
  const path = join(dir, `${r.id}.json`);
  writeFileSync(path, JSON.stringify(r.config));
  return path;
});
const listFile = join(dir, "models.txt");
writeFileSync(listFile, ["# the 217 default configs", ...paths.map((p, i) => (i % 50 === 0 ? `${p}   # trailing comment` : p)), "", "./missing/config.json"].join("\n"));

/** Splits a CSV line (our writer quotes cells holding commas or quotes). */
function csvSplit(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") cells.push(cell), (cell = "");
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

describe("batch over the 217 default configs", () => {
  it("CSV: a header, one line per model in order, the reference totals, failures reported and counted", async () => {
    const { code, stdout, stderr } = await run(["--from-file", listFile, "--format", "csv"]);
    const lines = stdout.trim().split("\n");
    const header = csvSplit(lines[0] as string);
    expect(header.slice(0, 9)).toEqual(["model", "library", "model_class", "source", "parameters", "buffer_bytes", "total_bytes", "largest_layer_bytes", "largest_layer_names"]);
    expect(lines).toHaveLength(1 + defaults.length + 1);
    const col = (name: string) => header.indexOf(name);
    let matched = 0;
    defaults.forEach((r, i) => {
      const cells = csvSplit(lines[i + 1] as string);
      expect(cells[0]).toBe(paths[i]);
      if (cells[col("error")] === "") {
        expect(cells.length).toBe(header.length);
        if (Number(cells[col("total_bytes")]) === r.expected.total_size_bytes) matched++;
      }
    });
    // Every default record is exact (test/reference.test.ts), so every total matches.
    expect(matched).toBe(defaults.length);
    const last = csvSplit(lines.at(-1) as string);
    expect(last[0]).toBe("./missing/config.json");
    expect(last[col("error")]).toMatch(/no such file or folder/);
    expect(code).toBe(1);
    const failed = lines.slice(1).filter((l) => csvSplit(l)[col("error")] !== "").length;
    expect(stderr.trim().split("\n").at(-1)).toBe(`${defaults.length + 1 - failed} ok, ${failed} failed`);
  }, 60_000);

  it("Markdown: one row per model and dtype with accelerate's strings", async () => {
    const bert = defaults.findIndex((r) => r.id === "bert");
    const gpt2 = defaults.findIndex((r) => r.id === "gpt2");
    const { code, stdout } = await run([paths[bert] as string, paths[gpt2] as string, "--format", "markdown", "--dtypes", "float32", "int4"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe("| Model | Parameters | dtype | Largest Layer | Total Size | Training using Adam |");
    expect(lines).toHaveLength(2 + 4);
    const [, ll, total, training] = defaults[bert]!.expected.formatted_rows[0]!;
    expect(lines[2]).toBe(`| ${paths[bert]} | ${defaults[bert]!.expected.param_count.toLocaleString("en-US")} | float32 | ${ll} | ${total} | ${training} |`);
    expect(lines[3]).toBe(`|  |  | int4 | ${defaults[bert]!.expected.formatted_rows[3]!.slice(1).join(" | ")} |`);
  });

  it("many MODEL arguments keep their order in JSON Lines even when they finish out of order", async () => {
    const ids = ["bert-base-cased", "timm/resnet50.a1_in1k", "gpt2", "nope/nope", "google-bert/bert-base-uncased"];
    const { code, stdout, stderr } = await run([...ids, "--json"]);
    expect(code).toBe(1);
    expect(stdout.trim().split("\n").map((l) => JSON.parse(l).model)).toEqual(ids);
    expect(stderr.trim().split("\n").at(-1)).toBe("4 ok, 1 failed");
  });

  it("an unreadable --from-file is a usage error", async () => {
    const { code, stderr } = await run(["--from-file", join(dir, "nope.txt")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read the model list/);
  });
});
