// Builds dist/: the library (core, browser-safe), the Node entry and CLI (split so that the Hub client loads
// only when needed), type declarations, and the web page (dist/web: one minified bundle, CSS, shipped configs).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { rmSync, mkdirSync, copyFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const root = new URL("../", import.meta.url);
rmSync(new URL("dist", root), { recursive: true, force: true });
// Source maps ship with the package (without the sources themselves: the stack only needs file and line), so a
// `DEBUG=estimate-memory` stack (bin/estimate-memory.js turns maps on) or `node --enable-source-maps` names
// TypeScript lines. Node reads a map only when maps are enabled: no start-up cost otherwise.
const common = { bundle: true, format: "esm", target: "node20", sourcemap: true, sourcesContent: false, logLevel: "warning" };
await build({ ...common, entryPoints: { index: "src/index.ts" }, outdir: "dist", platform: "neutral" });
// Minified: the CLI parses ~1 MB of architecture tables at start-up, and parsing is most of its start time.
await build({ ...common, minify: true, entryPoints: { node: "src/node.ts", cli: "src/cli/bin.ts" }, outdir: "dist", platform: "node", splitting: true, chunkNames: "chunks/[name]-[hash]" });

mkdirSync(new URL("dist/web/catalog/configs", root), { recursive: true });
const web = await build({
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  splitting: true,
  outdir: "dist/web",
  entryPoints: { app: "web/app.tsx" },
  chunkNames: "chunks/[name]-[hash]",
  jsx: "automatic",
  jsxImportSource: "preact",
  // The package's `exports` hide its browser build from esbuild; point at it directly.
  alias: { "@huggingface/hub": "./node_modules/@huggingface/hub/dist/browser/index.mjs" },
  metafile: true,
  logLevel: "warning",
});
copyFileSync(new URL("web/index.html", root), new URL("dist/web/index.html", root));
copyFileSync(new URL("web/styles.css", root), new URL("dist/web/styles.css", root));
cpSync(new URL("catalog/configs", root), new URL("dist/web/catalog/configs", root), { recursive: true });
copyFileSync(new URL("catalog/index.json", root), new URL("dist/web/catalog/index.json", root));
// The page's JavaScript (budget: ≤ 150 kB gzip) is recorded for `npm run bench`, which prints it.
const sizes = Object.keys(web.metafile.outputs).map((file) => ({ file, gzip: gzipSync(readFileSync(new URL(file, root))).length }));
writeFileSync(new URL("dist/web/sizes.json", root), JSON.stringify(sizes, null, 1));

execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.web.json"], { stdio: "inherit" });
