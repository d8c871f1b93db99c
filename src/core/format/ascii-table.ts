/**
 * accelerate's `create_ascii_table`, byte for byte, quirks included: a title longer than the columns widens the
 * last column by `|len(title) - len(separator)|`, counted twice for the body rows.
 */

/** Python's `str.center`: the odd space goes left when the width is odd and the margin is odd. */
export function pyCenter(text: string, width: number): string {
  const length = pyLen(text);
  const margin = width - length;
  if (margin <= 0) return text;
  const left = Math.floor(margin / 2) + (margin & width & 1);
  return " ".repeat(left) + text + " ".repeat(margin - left);
}

/** Python's `len`: code points, not UTF-16 units (ASCII, the common case, needs no splitting). */
function pyLen(text: string): number {
  return /^[\x00-\x7f]*$/.test(text) ? text.length : [...text].length;
}

/** Python's `"%{w}s" % text`: right-justified to at least `w` characters. */
function padStart(text: string, width: number): string {
  const length = pyLen(text);
  return length >= width ? text : " ".repeat(width - length) + text;
}

export function createAsciiTable(headers: readonly string[], rows: readonly (readonly string[])[], title: string): string {
  const sep = "│";
  const line = "─";
  const widths = headers.map((header, i) => Math.max(pyLen(header), ...rows.map((row) => pyLen(row[i] ?? ""))));
  let diff = 0;
  const makeRow = (left: string, middle: string, right: string) =>
    `${left}${widths.map((w) => line.repeat(w)).join(middle)}${line.repeat(diff)}${right}`;
  const render = (cells: readonly string[]) =>
    `${sep}${cells.map((cell, i) => padStart(pyCenter(cell, widths[i] ?? 0), widths[i] ?? 0)).join(sep)}${sep}`;
  const last = widths.length - 1;

  let separator = makeRow("├", "┼", "┤");
  if (pyLen(title) > widths.reduce((a, b) => a + b, 0)) {
    diff = Math.abs(pyLen(title) - pyLen(separator));
    widths[last] = (widths[last] ?? 0) + diff;
  }
  separator = makeRow("├", "┼", "┤");
  let table = [makeRow("┌", line, "┐"), `${sep}${pyCenter(title, pyLen(separator) - 2)}${sep}`, makeRow("├", "┬", "┤")].join("\n");
  table += "\n";
  widths[last] = (widths[last] ?? 0) + diff;
  table += `${render(headers)}\n${separator}\n`;
  for (const row of rows) table += `${render(row)}\n`;
  table += `└${widths.map((w) => line.repeat(w)).join("┴")}┘`;
  return table;
}
