/**
 * Python's `str(round(x, 2))` for a float, and `str(x)` for an int, reproduced exactly: `round` rounds the
 * exact binary value half-to-even, `repr` prints the shortest text that reads back (always with a ".0" or an
 * exponent for floats).
 */
export function pythonRound2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const fixed = Number(x.toFixed(2));
  // toFixed breaks exact ties upwards; Python picks the even neighbour. An exact tie at the third decimal
  // is a value k/8 with k odd (0.125, 0.375, …): the only decimals ending in 5 that binary represents exactly.
  const eighths = x * 8;
  if (Math.abs(x) < 2 ** 49 && Number.isInteger(eighths) && Math.abs(eighths % 2) === 1 && !Number.isInteger(x * 4)) {
    const down = Math.floor(x * 100);
    const chosen = down % 2 === 0 ? down : down + 1;
    return chosen / 100;
  }
  return fixed;
}

/** Python's `repr(float)`. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    // Python switches to exponent notation at 1e16 (JS at 1e21) and writes at least two exponent digits.
    const [mantissa, exponent] = x.toExponential().split("e") as [string, string];
    const sign = exponent.startsWith("-") ? "-" : "+";
    const digits = exponent.replace(/^[+-]/, "").padStart(2, "0");
    return `${mantissa}e${sign}${digits}`;
  }
  const text = String(x);
  return Number.isInteger(x) ? `${text}.0` : text;
}

/** `str(round(value, 2))`, where `isInt` says whether Python holds the value as an int. */
export function pythonRoundString(value: number, isInt: boolean): string {
  if (isInt && Number.isInteger(value)) return String(value);
  return pythonFloatRepr(pythonRound2(value));
}
