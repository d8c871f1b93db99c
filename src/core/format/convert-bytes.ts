import { pythonRoundString } from "./python-number.js";

const UNITS = ["bytes", "KB", "MB", "GB", "TB"] as const;

/**
 * accelerate's `convert_bytes`: divide by 1024 until under 1024, then `f"{round(size, 2)} {unit}"`.
 * `isInt` is true when Python would hold `size` as an int (a float32 total without bool buffers): only then
 * does a value under 1024 print without ".0".
 */
export function convertBytes(size: number, isInt = false): string {
  let value = size;
  let asInt = isInt;
  for (const unit of UNITS) {
    if (value < 1024) return `${pythonRoundString(value, asInt)} ${unit}`;
    value /= 1024;
    asInt = false;
  }
  return `${pythonRoundString(value, false)} PB`;
}
