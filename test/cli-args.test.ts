// The command line itself: how argv is read (lists that stop at a MODEL, -h) and what --help shows.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HELP_WIDTH, parseArgs, renderHelp, type OptionSpec } from "../src/cli/args.js";
import { main, OPTIONS } from "../src/cli/main.js";
import { UsageError } from "../src/core/errors.js";
import { loadReference } from "./helpers/reference.js";
import { tempDir } from "./helpers/temp-dir.js";

async function run(argv: readonly string[]) {
  let stdout = "";
  let stderr = "";
  const env = { HF_HUB_OFFLINE: "1", HF_HOME: tempDir("em-args-home-") };
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

const bert = loadReference("hub-configs.jsonl").find((r) => r.id === "google-bert/bert-base-cased");

describe("parseArgs", () => {
  it.each([
    [["--dtypes", "float16", "bert-base-cased"], ["float16"], ["bert-base-cased"]],
    [["--dtypes", "float16", "int4", "gpt2", "bert-base-cased"], ["float16", "int4"], ["gpt2", "bert-base-cased"]],
    [["gpt2", "--dtypes", "int8", "float32"], ["int8", "float32"], ["gpt2"]],
    [["--dtypes=float16,int4", "gpt2"], ["float16", "int4"], ["gpt2"]],
    [["--dtypes", "int4", "--dtypes", "int8", "gpt2"], ["int4", "int8"], ["gpt2"]],
  ])("%j: --dtypes takes only dtype names", (argv, dtypes, positionals) => {
    const parsed = parseArgs(argv, OPTIONS);
    expect(parsed.options.dtypes).toEqual(dtypes);
    expect(parsed.positionals).toEqual(positionals);
  });

  it("a first value that is not a choice is refused, not taken for a MODEL", () => {
    expect(() => parseArgs(["--dtypes", "fp16", "gpt2"], OPTIONS)).toThrow(/--dtypes: invalid choice 'fp16'/);
    expect(() => parseArgs(["--dtypes"], OPTIONS)).toThrow(/--dtypes needs a value/);
  });

  it("-h is --help; other single-dash words are unknown options, or positionals after --", () => {
    expect(parseArgs(["-h"], OPTIONS).options.help).toBe(true);
    expect(() => parseArgs(["-x"], OPTIONS)).toThrow(UsageError);
    expect(() => parseArgs(["-x"], OPTIONS)).toThrow("unknown option -x");
    expect(parseArgs(["--", "-h"], OPTIONS)).toEqual({ positionals: ["-h"], options: {} });
  });

  it("a short spelling is only for flags", () => {
    const specs = { port: { kind: "value", short: "p", description: "d" } } satisfies Record<string, OptionSpec>;
    expect(() => parseArgs(["-p", "80"], specs)).toThrow("-p must be written --port");
  });
});

describe("--help", () => {
  it("-h prints the same text as --help, exit 0, nothing on stderr", async () => {
    const long = await run(["--help"]);
    const short = await run(["-h"]);
    expect(long.code).toBe(0);
    expect(short).toEqual(long);
    expect(long.stderr).toBe("");
  });

  it(`fits in ${HELP_WIDTH} columns`, async () => {
    const { stdout } = await run(["--help"]);
    const wide = stdout.split("\n").filter((l) => [...l].length > HELP_WIDTH);
    expect(wide).toEqual([]);
  });

  it("groups the options as a user looks for them, each option once", async () => {
    const { stdout } = await run(["--help"]);
    const titles = stdout.split("\n").filter((l) => /^[A-Za-z][^:]*:$/.test(l) || /^[a-z][^(]*\(.*\):$/.test(l));
    expect(titles.map((t) => t.replace(/ \(.*\)/, "").replace(/:$/, ""))).toEqual([
      "model and table",
      "Hub",
      "planner",
      "output and batches",
      "serve",
      "general",
      "examples",
    ]);
    const section = (title: string) => stdout.slice(stdout.indexOf(`\n${title}`), stdout.indexOf("\n\n", stdout.indexOf(`\n${title}`) + 1));
    expect(section("model and table")).toMatch(/--dtypes DTYPE \.\.\./);
    expect(section("Hub")).toMatch(/--revision REV[\s\S]*HF_HUB_OFFLINE=1/);
    expect(section("planner")).toMatch(/--inference[\s\S]*--train METHOD[\s\S]*--gpu NAME/);
    expect(section("output and batches")).toMatch(/--format FORMAT[\s\S]*--from-file FILE/);
    expect(section("serve")).toMatch(/--port PORT[\s\S]*--host HOST/);
    for (const name of Object.keys(OPTIONS)) {
      expect(stdout.match(new RegExp(`^ {2}(?:-\\w, )?--${name}(?=[ ,]|$)`, "gm")) ?? [], name).toHaveLength(1);
    }
  });

  it("refuses to render when an option is in no group (nothing goes unlisted)", () => {
    const specs = { a: { kind: "flag", description: "a" }, b: { kind: "flag", description: "b" } } satisfies Record<string, OptionSpec>;
    const help = { usage: ["x"], intro: [], groups: [{ title: "g", options: ["a"] }], examples: [] };
    expect(() => renderHelp(help, specs)).toThrow("--help lists --b 0 times");
  });

  it("every example runs as printed (offline; the shipped configs)", async () => {
    const { stdout } = await run(["--help"]);
    const commands = stdout.slice(stdout.indexOf("\nexamples:")).split("\n").filter((l) => l.startsWith("  estimate-memory"));
    expect(commands.length).toBeGreaterThanOrEqual(5);
    const dir = tempDir("em-args-");
    writeFileSync(join(dir, "models.txt"), "bert-base-cased\ngpt2\n");
    // The files the examples name, in a scratch folder: the local config is bert-base-cased's.
    const files: Record<string, string> = { "./my-model/config.json": join(dir, "config.json"), "models.txt": join(dir, "models.txt") };
    writeFileSync(join(dir, "config.json"), JSON.stringify(bert?.config));
    for (const command of commands) {
      // A shell's word splitting, enough for these lines: double quotes group, `>` ends the command.
      const words = [...command.slice(2).split(" > ")[0]!.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
      expect(() => parseArgs(words, OPTIONS), command).not.toThrow();
      if (words[0] === "serve") continue; // serves until interrupted: parsing is what can go wrong here
      const r = await run(words.map((w) => files[w] ?? w));
      expect(r.stderr.split("\n").filter((l) => l.startsWith("error")), command).toEqual([]);
      expect(r.code, command).toBe(0);
    }
  });
});

describe("--dtypes before the MODEL", () => {
  it("`--dtypes float16 MODEL` estimates MODEL, float16 row only", async () => {
    const { code, stdout } = await run(["--dtypes", "float16", "bert-base-cased"]);
    expect(code).toBe(0);
    const rows = stdout.split("\n").filter((l) => /^│ *(float32|float16|int8|int4) *│/.test(l));
    // The reference's float16 row for bert-base-cased (accelerate's own figures).
    const [float16] = (bert?.expected.formatted_rows ?? []).filter((r) => r[0] === "float16");
    expect(rows.map((l) => l.split("│").slice(1, -1).map((c) => c.trim()))).toEqual([float16]);
  });
});
