// scripts/refresh-catalog.mjs with a fake fetch: the Hub is never contacted in tests.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-ignore -- a plain .mjs script without type declarations
import { refreshCatalog } from "../scripts/refresh-catalog.mjs";
import { tempDir } from "./helpers/temp-dir.js";

function fakeRoot() {
  const root = tempDir("estimate-memory-refresh-");
  mkdirSync(join(root, "catalog", "configs"), { recursive: true });
  const extra = {
    models: {
      "org/open": { library: "transformers", origin: "rebuilt from the card", rebuilt: true },
      "org/gated": { library: "transformers", origin: "a vendored copy" },
      "org/missing": { library: "transformers", origin: "a vendored copy" },
    },
    aliases: { open: "org/open" },
  };
  writeFileSync(join(root, "catalog", "extra.json"), JSON.stringify(extra));
  writeFileSync(join(root, "catalog", "configs", "org--open.json"), '{"model_type": "bert"}\n');
  writeFileSync(join(root, "catalog", "configs", "org--gated.json"), '{"model_type": "llama"}\n');
  return root;
}

const response = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers });

describe("refresh-catalog", () => {
  it("downloads each entry from HF_ENDPOINT with the token, rewrites files and origins", async () => {
    const root = fakeRoot();
    const calls: { url: string; auth?: string }[] = [];
    const fetch = async (url: string, init: { headers: Record<string, string> }) => {
      calls.push({ url, auth: init.headers.authorization });
      if (url.includes("org/open/")) return response(200, '{"model_type": "bert", "hidden_size": 384}', { "x-repo-commit": "abc123" });
      if (url.includes("org/gated/")) return init.headers.authorization ? response(200, '{"model_type": "llama"}') : response(401, "");
      return response(404, "");
    };
    const result = await refreshCatalog({ root, fetch, endpoint: "http://127.0.0.1:9/", token: "hf_x", now: new Date("2025-01-02T00:00:00Z") });

    expect(calls.map((c) => c.url)).toEqual([
      "http://127.0.0.1:9/org/open/resolve/main/config.json",
      "http://127.0.0.1:9/org/gated/resolve/main/config.json",
      "http://127.0.0.1:9/org/missing/resolve/main/config.json",
    ]);
    expect(calls.every((c) => c.auth === "Bearer hf_x")).toBe(true);
    expect(result.updated).toEqual(["org/open"]);
    expect(result.unchanged).toEqual(["org/gated"]); // same bytes as before
    expect(result.failed).toEqual([{ id: "org/missing", reason: "HTTP 404" }]);

    expect(readFileSync(join(root, "catalog", "configs", "org--open.json"), "utf8")).toBe('{"model_type": "bert", "hidden_size": 384}\n');
    const extra = JSON.parse(readFileSync(join(root, "catalog", "extra.json"), "utf8"));
    expect(extra.models["org/open"]).toEqual({
      library: "transformers",
      origin: "config.json of the Hub repo org/open at commit abc123, downloaded 2025-01-02",
    });
    expect(extra.models["org/missing"].origin).toBe("a vendored copy");
    expect(extra.aliases).toEqual({ open: "org/open" });
  });

  it("reports gated repos without a token and network failures, and keeps the files", async () => {
    const root = fakeRoot();
    const fetch = async (url: string, init: { headers: Record<string, string> }) => {
      expect(init.headers.authorization).toBeUndefined();
      if (url.includes("org/gated/")) return response(403, "");
      throw new Error("getaddrinfo ENOTFOUND");
    };
    const result = await refreshCatalog({ root, fetch, ids: ["org/open", "org/gated"] });
    expect(result.updated).toEqual([]);
    expect(result.failed).toEqual([
      { id: "org/open", reason: "network: getaddrinfo ENOTFOUND" },
      { id: "org/gated", reason: "HTTP 403 (gated or private: set HF_TOKEN)" },
    ]);
    expect(readFileSync(join(root, "catalog", "configs", "org--open.json"), "utf8")).toBe('{"model_type": "bert"}\n');
    const extra = JSON.parse(readFileSync(join(root, "catalog", "extra.json"), "utf8"));
    expect(extra.models["org/open"].rebuilt).toBe(true);
  });

  it("refuses a body that is not JSON", async () => {
    const root = fakeRoot();
    const result = await refreshCatalog({ root, fetch: async () => response(200, "<html>"), ids: ["org/open"] });
    expect(result.failed[0].id).toBe("org/open");
    expect(result.failed[0].reason).toMatch(/^not JSON/);
  });
});
