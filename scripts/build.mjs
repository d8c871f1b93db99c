// Builds dist/: one bundled file per entry (fast CLI start: one module to load), plus type declarations.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
const common = { bundle: true, format: "esm", target: "node20", sourcemap: false, logLevel: "warning" };
await build({ ...common, entryPoints: { index: "src/index.ts" }, outdir: "dist", platform: "neutral" });
// Split so that what only some runs need (the Hub client) is a chunk loaded on demand.
await build({ ...common, entryPoints: { node: "src/node.ts", cli: "src/cli/bin.ts" }, outdir: "dist", platform: "node", splitting: true, chunkNames: "chunks/[name]-[hash]" });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
