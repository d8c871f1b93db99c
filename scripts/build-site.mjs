// `npm run build:site`: the page as a static site in dist/site/ (or the folder given), hostable by any static file
// server with no API server behind it: the page, its chunks, the shipped catalog; models not in the catalog are
// read from the Hub by the browser itself. Also a README.md with the card header a static Hugging Face Space needs.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const web = resolve(root, "dist/web");
const out = resolve(root, process.argv[2] ?? "dist/site");
if (!existsSync(resolve(web, "app.js"))) {
  console.error("error: dist/web is not built: run `npm run build` first");
  process.exit(1);
}
// The Hub the page reads (HF_ENDPOINT at build time, for a mirror); the server fills this in per request.
const endpoint = (process.env.HF_ENDPOINT || "https://huggingface.co").replace(/\/+$/, "");
if (!/^https?:\/\/[^\s"<>&]+$/.test(endpoint)) {
  console.error(`error: HF_ENDPOINT must be an http(s) URL (got ${endpoint})`);
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
// sizes.json is the build's record for `npm run bench`, not part of the page.
cpSync(web, out, { recursive: true, filter: (src) => !src.endsWith("sizes.json") });
const index = resolve(out, "index.html");
writeFileSync(index, readFileSync(index, "utf8").replace("__HUB_ENDPOINT__", endpoint));
const { version } = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
writeFileSync(
  resolve(out, "README.md"),
  `---
title: estimate-memory
emoji: 🧮
colorFrom: indigo
colorTo: blue
sdk: static
app_file: index.html
pinned: false
---

How much memory a model needs, from its config alone: \`accelerate estimate-memory\`'s table, computed in the
browser by [estimate-memory](https://www.npmjs.com/package/estimate-memory) ${version}.
`,
);
console.log(`static site written to ${out}`);
