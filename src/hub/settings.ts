import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** Where and how to reach the Hub, read from the environment as huggingface_hub reads it. */
export interface HubSettings {
  /** `HF_ENDPOINT`, without a trailing slash. */
  readonly endpoint: string;
  /** `--access_token`, else `HF_TOKEN`, else the token file `$HF_HOME/token`. Never printed. */
  readonly token: string | undefined;
  /** `HF_HUB_CACHE`, else `$HF_HOME/hub`. */
  readonly cacheDir: string;
  /** `HF_HUB_OFFLINE`: no request at all; the cache and the shipped catalog only. */
  readonly offline: boolean;
}

export const DEFAULT_ENDPOINT = "https://huggingface.co";

/** huggingface_hub's `_is_true`: "1", "ON", "YES", "TRUE" in any case. */
export function envFlag(value: string | undefined): boolean {
  return value !== undefined && ["1", "on", "yes", "true"].includes(value.trim().toLowerCase());
}

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
