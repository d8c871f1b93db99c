// Builds dist/: the library (core, browser-safe), the Node entry and CLI (split so that the Hub client loads
// only when needed), type declarations, and the web page (dist/web: one minified bundle, CSS, shipped configs).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { rmSync, mkdirSync, copyFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const root = new URL("../", import.meta.url);
// The architecture manifest and lists come from the architecture files themselves.
execFileSync(process.execPath, ["--import", "tsx", "scripts/generate-architectures.ts"], { stdio: "inherit", cwd: root });
rmSync(new URL("dist", root), { recursive: true, force: true });
// Source maps ship with the package (without the sources themselves: the stack only needs file and line), so a
// `DEBUG=estimate-memory` stack (bin/estimate-memory.js turns maps on) or `node --enable-source-maps` names
// TypeScript lines. Node reads a map only when maps are enabled: no start-up cost otherwise.
const common = { bundle: true, format: "esm", target: "node20", sourcemap: true, sourcesContent: false, logLevel: "warning" };
// The library: `.` (every architecture) and `./lazy` (each family a chunk of its own, loaded on demand; a
// bundler keeps them apart in the user's bundle too).
await build({ ...common, entryPoints: { index: "src/index.ts", lazy: "src/lazy.ts" }, outdir: "dist", platform: "neutral", splitting: true, chunkNames: "lib/[name]-[hash]" });
// Split: each architecture family is its own chunk, loaded when a config needs it (parsing is most of the start
// time); minified for the same reason.
/** Output file → the architecture family file it is the chunk of (`transformers/bert`), from esbuild's metafile. */
const familyChunks = (metafile, outdir) =>
  Object.fromEntries(
    Object.entries(metafile.outputs)
      .map(([file, out]) => {
        // A family file's chunk (`transformers/bert`), or the Planner's (`planner`, loaded with the first plan).
        const m = /^src\/core\/(?:architectures\/((?:transformers|timm|diffusers)\/[^/]+)|plan\/(planner))\.ts$/.exec(out.entryPoint ?? "");
        return [file.slice(outdir.length + 1), m?.[1] ?? m?.[2]];
      })
      .filter(([, family]) => family),
  );
const node = await build({ ...common, minify: true, entryPoints: { node: "src/node.ts", cli: "src/cli/bin.ts" }, outdir: "dist", platform: "node", splitting: true, chunkNames: "chunks/[name]-[hash]", metafile: true });

// Tests check which of these a command loads (`--version` none, `bert-base-cased` BERT's only).
writeFileSync(new URL("dist/family-chunks.json", root), JSON.stringify(familyChunks(node.metafile, "dist"), null, 1));

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
// The page's index holds only what it reads (file and library), not the provenance notes: ~10× smaller.
const catalog = JSON.parse(readFileSync(new URL("catalog/index.json", root), "utf8"));
const slim = { models: Object.fromEntries(Object.entries(catalog.models).map(([id, m]) => [id, { file: m.file, library: m.library }])), aliases: catalog.aliases };
writeFileSync(new URL("dist/web/catalog/index.json", root), JSON.stringify(slim));
// For the page's search (ids with library, family and parameter count: the suggestions' badges) and its "What can
// I run?" view (every config in one file, fetched when that view opens), computed once here by the library itself.
{
  const { estimate, parseConfigJson } = await import(new URL("dist/index.js", root).href);
  const index = JSON.parse(readFileSync(new URL("catalog/index.json", root), "utf8"));
  const search = [];
  const bundle = [];
  for (const [id, entry] of Object.entries(index.models)) {
    const config = parseConfigJson(readFileSync(new URL(`catalog/configs/${entry.file}`, root), "utf8"), entry.file);
    const timmModelName = /^timm\/([^./]+)(?:\.[^/]+)?$/.exec(id)?.[1];
    let parameters = null;
    try {
      parameters = estimate(config, { model: id, dtypes: ["float32"], library: entry.library, ...(timmModelName ? { timmModelName } : {}) }).parameters;
    } catch {
      // An entry the estimator cannot build is still found by the search, without a count.
    }
    const family = config.model_type ?? config.architecture ?? "unknown";
    search.push({ id, library: entry.library, family, parameters });
    bundle.push({ id, library: entry.library, ...(timmModelName ? { timmModelName } : {}), config });
  }
  writeFileSync(new URL("dist/web/catalog/search.json", root), JSON.stringify({ models: search, aliases: index.aliases }));
  writeFileSync(new URL("dist/web/catalog/bundle.json", root), JSON.stringify(bundle));
}
// The page's JavaScript, for `npm run bench` (budgets: first load, and all a catalog model loads): each file's
// gzip size, the chunks it imports statically, and the family it is the chunk of.
const webFamilies = familyChunks(web.metafile, "dist/web");
const sizes = Object.entries(web.metafile.outputs)
  .filter(([file]) => file.endsWith(".js"))
  .map(([file, out]) => ({
    file: file.slice("dist/web/".length),
    gzip: gzipSync(readFileSync(new URL(file, root))).length,
    imports: out.imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => i.path.slice("dist/web/".length)),
    ...(webFamilies[file.slice("dist/web/".length)] ? { family: webFamilies[file.slice("dist/web/".length)] } : {}),
  }));
writeFileSync(new URL("dist/web/sizes.json", root), JSON.stringify(sizes, null, 1));

execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.web.json"], { stdio: "inherit" });
