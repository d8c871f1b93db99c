import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { DEFAULT_ENDPOINT, envFlag, type HubSettings } from "../hub/settings.js";

export type { HubSettings } from "../hub/settings.js";

/** The settings huggingface_hub would use, from the environment and the token file. */
export function hubSettings(
  env: Readonly<Record<string, string | undefined>>,
  overrides: { accessToken?: string } = {},
): HubSettings {
  const home = env.HF_HOME || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "huggingface");
  const endpoint = (env.HF_ENDPOINT || DEFAULT_ENDPOINT).replace(/\/+$/, "");
  return {
    endpoint,
    token: overrides.accessToken || env.HF_TOKEN || env.HUGGING_FACE_HUB_TOKEN || readTokenFile(env.HF_TOKEN_PATH || join(home, "token")),
    cacheDir: env.HF_HUB_CACHE || env.HUGGINGFACE_HUB_CACHE || join(home, "hub"),
    offline: envFlag(env.HF_HUB_OFFLINE),
  };
}

function readTokenFile(path: string): string | undefined {
  try {
    const token = readFileSync(path, "utf8").trim();
    return token === "" ? undefined : token;
  } catch {
    return undefined;
  }
}
