// The part of @huggingface/hub the page uses. Imported on demand: a model from the shipped catalog never needs it,
// so the first result does not wait for the Hub client (and its xet/blake3 code) to download.
export { downloadFile, HubApiError } from "@huggingface/hub";
