import { ConfigParseError } from "../errors.js";
import { MAX_CONFIG_NESTING, nestedDeeperThan } from "./config.js";

/**
 * Parses config.json text as Python's `json` module does: standard JSON plus the bare `NaN`, `Infinity` and
 * `-Infinity` that `json.dumps` writes (mamba2's default `time_step_limit` is `[0.0, Infinity]`).
 * Errors name the source and the line/column, like Python's `json.decoder.JSONDecodeError`.
 */
export function parseConfigJson(text: string, source = "config.json"): unknown {
  if (text.trim() === "") throw new ConfigParseError(`${source} is empty`, source);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Fall through to the slower parser, which accepts Python's extensions and reports positions.
    return new PythonJsonParser(text, source).parseDocument();
  }
  // The slower parser stops at 512 levels; JSON.parse does not, so the same limit is applied after it.
  if (nestedDeeperThan(parsed)) throw new ConfigParseError(`${source} is not valid JSON: nesting deeper than ${MAX_CONFIG_NESTING} levels`, source);
  return parsed;
}

class PythonJsonParser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly source: string,
  ) {}

  parseDocument(): unknown {
    this.skipWhitespace();
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail("unexpected data after the JSON value");
    return value;
  }

  private fail(what: string): never {
    const before = this.text.slice(0, this.pos);
    const line = before.split("\n").length;
    const column = this.pos - before.lastIndexOf("\n");
    throw new ConfigParseError(`${this.source} is not valid JSON: ${what} at line ${line} column ${column}`, this.source, {
      line,
      column,
    });
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  private parseValue(): unknown {
    const c = this.text[this.pos];
    switch (c) {
      case "{":
        return this.parseObject();
      case "[":
        return this.parseArray();
      case '"':
        return this.parseString();
      case undefined:
        return this.fail("unexpected end of input");
      default:
        return this.parseLiteral();
    }
  }

  private enter(): void {
    // Deep nesting is the one way a small file can exhaust the stack; no real config nests past a handful.
    if (++this.depth > 512) this.fail("nesting deeper than 512 levels");
  }

  private parseObject(): Record<string, unknown> {
    this.enter();
    this.pos++;
    const result: Record<string, unknown> = {};
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail("expected a property name in double quotes");
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail("expected ':'");
      this.pos++;
      this.skipWhitespace();
      const value = this.parseValue();
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === "}") break;
      if (next !== ",") {
        this.pos--;
        this.fail("expected ',' or '}'");
      }
    }
    this.depth--;
    return result;
  }

  private parseArray(): unknown[] {
    this.enter();
    this.pos++;
    const result: unknown[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      result.push(this.parseValue());
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === "]") break;
      if (next !== ",") {
        this.pos--;
        this.fail("expected ',' or ']'");
      }
    }
    this.depth--;
    return result;
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '"') {
        this.pos++;
        try {
          return JSON.parse(this.text.slice(start, this.pos)) as string;
        } catch {
          this.pos = start;
          this.fail("invalid string");
        }
      }
      if (c === "\\") this.pos++;
      else if (c !== undefined && c.charCodeAt(0) < 0x20) this.fail("invalid control character in string");
      this.pos++;
    }
    this.pos = start;
    return this.fail("unterminated string");
  }

  private parseLiteral(): unknown {
    const rest = this.text.slice(this.pos, this.pos + 9);
    for (const [word, value] of PY_LITERALS) {
      if (rest.startsWith(word)) {
        this.pos += word.length;
        return value;
      }
    }
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) this.fail("expecting value");
    this.pos += match[0].length;
    return Number(match[0]);
  }
}

const PY_LITERALS: ReadonlyArray<readonly [string, unknown]> = [
  ["true", true],
  ["false", false],
  ["null", null],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
];
