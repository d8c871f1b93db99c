import { describe, expect, it } from "vitest";
import { convertBytes } from "../src/core/format/convert-bytes.js";
import { pyCenter, createAsciiTable } from "../src/core/format/ascii-table.js";
import { pythonRound2, pythonFloatRepr } from "../src/core/format/python-number.js";
import { parseConfigJson } from "../src/core/config/parse-json.js";
import { loadAllReference } from "./helpers/reference.js";

describe("Python number formatting", () => {
  it("round(x, 2) breaks exact binary ties to even, like Python", () => {
    // 1.125, 0.375, 2.675: Python gives 1.12, 0.38, 2.67 (2.675 is below the tie in binary).
    expect(pythonRound2(1.125)).toBe(1.12);
    expect(pythonRound2(0.375)).toBe(0.38);
    expect(pythonRound2(2.675)).toBe(2.67);
    expect(pythonRound2(97.7)).toBe(97.7);
  });

  it("repr: a float always shows a decimal point or an exponent", () => {
    expect(pythonFloatRepr(9)).toBe("9.0");
    expect(pythonFloatRepr(413.18)).toBe("413.18");
    expect(pythonFloatRepr(1e16)).toBe("1e+16");
    expect(pythonFloatRepr(0.00001)).toBe("1e-05");
  });

  it("convert_bytes keeps an int an int, and divides by 1024 per unit", () => {
    expect(convertBytes(576, true)).toBe("576 bytes");
    expect(convertBytes(576, false)).toBe("576.0 bytes");
    expect(convertBytes(288)).toBe("288.0 bytes");
    // 9437184 = 9 × 1024²: "9.0 MB" (resnet50's largest conv).
    expect(convertBytes(9437184, true)).toBe("9.0 MB");
    expect(convertBytes(1536)).toBe("1.5 KB");
  });
});

describe("create_ascii_table", () => {
  it("centres like str.center (odd margin on an odd width goes left)", () => {
    expect(pyCenter("int8", 7)).toBe("  int8 ");
    expect(pyCenter("int8", 8)).toBe("  int8  ");
    expect(pyCenter("ab", 5)).toBe("  ab ");
  });

  it("reproduces every reference table from its own rows and title", () => {
    for (const r of loadAllReference()) {
      const table = createAsciiTable(
        ["dtype", "Largest Layer", "Total Size", "Training using Adam"],
        r.expected.formatted_rows,
        `Memory Usage for loading \`${r.id}\``,
      );
      expect(table, r.id).toBe(r.expected.table);
    }
  });
});

describe("config JSON", () => {
  it("accepts Python's NaN / Infinity / -Infinity", () => {
    expect(parseConfigJson('{"time_step_limit": [0.0, Infinity], "a": -Infinity, "b": NaN}')).toEqual({
      time_step_limit: [0, Infinity],
      a: -Infinity,
      b: NaN,
    });
  });

  it("names the position of a syntax error", () => {
    expect(() => parseConfigJson('{"a": 1,\n "b": }', "x/config.json")).toThrow(/x\/config\.json is not valid JSON: expecting value at line 2 column 7/);
  });
});
