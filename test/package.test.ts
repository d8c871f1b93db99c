// The npm package as a user gets it: `npm pack`, install the tarball into an empty folder with npm offline (the
// package bundles what it runs, so it has no dependencies to fetch), then `npx estimate-memory` there.
// Uses the dist/ that `npm test` has just built.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadReference } from "./helpers/reference.js";
import { tempDir } from "./helpers/temp-dir.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const scratch = tempDir("estimate-memory-pack-");
const project = join(scratch, "project");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
  files: string[];
};

// The outer `npm test` passes its npm_* settings down; the install must not inherit them (nor Hub settings).
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(npm_|HF_|HUGGING_FACE_|DEBUG$)/i.test(k)),
);
Object.assign(env, { npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" });
const hubEnv = { ...env, HF_HUB_OFFLINE: "1", HF_HOME: join(scratch, "hf-home") };

let packed: { filename: string; files: { path: string }[] };

beforeAll(() => {
  if (!existsSync(join(root, "dist", "cli.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does)");
  // --ignore-scripts: `prepare` would rebuild dist/, which npm test has just done.
  const out = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], { cwd: root, env, encoding: "utf8" });
  packed = (JSON.parse(out) as (typeof packed)[])[0] as typeof packed;
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "probe", version: "1.0.0", private: true }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", join(scratch, packed.filename)], { cwd: project, env, stdio: "pipe" });
}, 120_000);

describe("the npm package", () => {
  it("holds the build, the bin and the catalog; not the sources, tests or their reference data", () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain("bin/estimate-memory.js");
    expect(paths).toContain("dist/cli.js");
    expect(paths).toContain("dist/cli.js.map");
    expect(paths).toContain("dist/types/index.d.ts");
    expect(paths).toContain("catalog/index.json");
    expect(paths.filter((p) => /^(src|test|scripts|bench|web|\.ci)\//.test(p))).toEqual([]);
    expect(paths.filter((p) => p.endsWith(".jsonl"))).toEqual([]);
  });

  it("has no runtime dependencies: esbuild bundles them into dist/", () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    // What the installed package pulled in: nothing but itself.
    expect(existsSync(join(project, "node_modules", "estimate-memory", "bin", "estimate-memory.js"))).toBe(true);
    const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8")) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).sort()).toEqual(["", "node_modules/estimate-memory"]);
  });

  it("`npx estimate-memory bert-base-cased` works offline in the folder it was installed in", () => {
    const r = spawnSync("npx", ["--offline", "estimate-memory", "bert-base-cased"], { cwd: project, env: hubEnv, encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("note: bert-base-cased: HF_HUB_OFFLINE is set; using the config shipped with estimate-memory (a copy of the repository's config.json)\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Loading pretrained config for `bert-base-cased` from `transformers`...");
    // Each row of accelerate's table for this model, from the reference record (the title's width differs).
    const rows = r.stdout.split("\n").filter((l) => /^│ *(float32|float16|int8|int4) *│/.test(l)).map((l) => l.split("│").slice(1, -1).map((c) => c.trim()));
    const expected = loadReference("hub-configs.jsonl").find((x) => x.id === "google-bert/bert-base-cased")?.expected.formatted_rows;
    expect(rows).toEqual(expected);
  });

  it("with DEBUG=estimate-memory, the stack names the TypeScript line that threw", () => {
    const config = join(scratch, "config.json");
    writeFileSync(config, JSON.stringify({ model_type: "no-such-architecture" }));
    const r = spawnSync("npx", ["--offline", "estimate-memory", config], { cwd: project, env: { ...hubEnv, DEBUG: "estimate-memory" }, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe(`error: ${config}: model_type \`no-such-architecture\` is not supported (run \`estimate-memory --list\` to see what is)`);
    // First frame: `at fn (…/node_modules/estimate-memory/src/core/x.ts:LINE:COL)`; that line of our source
    // must be where the error is made.
    const frame = /\((?:[^()]*\/)?node_modules\/estimate-memory\/(src\/[\w/.-]+\.ts):(\d+):\d+\)/.exec(r.stderr);
    expect(frame, r.stderr).not.toBeNull();
    const [, file, line] = frame as RegExpExecArray;
    const source = readFileSync(join(root, file as string), "utf8").split("\n")[Number(line) - 1];
    expect(source).toMatch(/new UnsupportedArchitectureError\(/);
    // Without DEBUG: the one line, no stack.
    const quiet = spawnSync("npx", ["--offline", "estimate-memory", config], { cwd: project, env: hubEnv, encoding: "utf8", timeout: 60_000 });
    expect(quiet.stderr.trim().split("\n")).toHaveLength(1);
  });
});
