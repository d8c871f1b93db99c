import { existsSync } from "node:fs";

/**
 * The package's root folder (where package.json and catalog/ live), found from this module's URL: the same
 * code runs from src/hub/ (tests, tsx) and bundled from dist/.
 */
export function packageRoot(): URL {
  for (const up of ["../", "../../", "../../../"]) {
    const candidate = new URL(up, import.meta.url);
    if (existsSync(new URL("catalog/index.json", candidate)) && existsSync(new URL("package.json", candidate))) return candidate;
  }
  throw new Error("cannot find the estimate-memory package root (catalog/index.json)");
}
