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
