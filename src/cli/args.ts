import { UsageError } from "../core/errors.js";

/** How an option takes its value: a flag, one value, or one or more values up to the next option (argparse's `nargs="+"`). */
export type OptionKind = "flag" | "value" | "values";

export interface OptionSpec {
  readonly kind: OptionKind;
  readonly description: string;
  /** Other spellings (`--library-name` for `--library_name`). */
  readonly aliases?: readonly string[];
  /** A one-letter spelling (`-h`). */
  readonly short?: string;
  readonly valueName?: string;
  readonly choices?: readonly string[];
}

export type ParsedArgs = {
  readonly positionals: string[];
  readonly options: Record<string, string | string[] | boolean>;
};

/**
 * A small argv parser in argparse's manner (the CLI mirrors accelerate's argparse flags): `--opt value`,
 * `--opt=value`, `--opt v1 v2` for lists, `-h` for an option with a short spelling, `--` ends options. Unknown
 * options are usage errors. Unlike argparse's `nargs="+"`, a list with choices stops at the first word that is not
 * one of them: `--dtypes float16 MODEL` leaves MODEL to the positionals.
 */
export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const byName = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) {
    byName.set(name, name);
    for (const alias of spec.aliases ?? []) byName.set(alias, name);
  }
  const byShort = new Map(Object.entries(specs).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])));
  const positionals: string[] = [];
  const options: Record<string, string | string[] | boolean> = {};
  let i = 0;
  let onlyPositionals = false;
  while (i < argv.length) {
    const arg = argv[i] as string;
    i++;
    if (!onlyPositionals && /^-[^-]$/.test(arg) && byShort.has(arg.slice(1))) {
      const name = byShort.get(arg.slice(1)) as string;
      if ((specs[name] as OptionSpec).kind !== "flag") throw new UsageError(`${arg} must be written --${name}`);
      options[name] = true;
      continue;
    }
    if (onlyPositionals || !arg.startsWith("--") || arg === "-") {
      if (!onlyPositionals && arg.startsWith("-") && arg !== "-" && arg.length > 1) {
        throw new UsageError(`unknown option ${arg}`);
      }
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const name = byName.get(flag);
    if (!name) throw new UsageError(`unknown option --${flag}`);
    const spec = specs[name] as OptionSpec;
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    if (spec.kind === "flag") {
      if (inline !== undefined) throw new UsageError(`--${flag} takes no value`);
      options[name] = true;
      continue;
    }
    const values: string[] = [];
    if (inline !== undefined) values.push(...(spec.kind === "values" ? inline.split(",") : [inline]));
    else {
      while (i < argv.length && !(argv[i] as string).startsWith("--")) {
        // After the first value, a list with choices takes only more of its choices (the rest are MODELs).
        if (values.length > 0 && spec.choices && !spec.choices.includes(argv[i] as string)) break;
        values.push(argv[i] as string);
        i++;
        if (spec.kind === "value") break;
      }
    }
    if (values.length === 0 || values.some((v) => v === "")) throw new UsageError(`--${flag} needs a value`);
    if (spec.choices) {
      for (const v of values) {
        if (!spec.choices.includes(v)) {
          throw new UsageError(`--${flag}: invalid choice '${v}' (choose from ${spec.choices.join(", ")})`);
        }
      }
    }
    options[name] = spec.kind === "values" ? [...((options[name] as string[] | undefined) ?? []), ...values] : (values[0] as string);
  }
  return { positionals, options };
}

/** `--help` lines are at most this wide. */
export const HELP_WIDTH = 100;

export interface HelpGroup {
  readonly title: string;
  /** Option names (keys of the specs), in display order. Every option is in exactly one group. */
  readonly options: readonly string[];
  /** A paragraph printed after the group's options. */
  readonly note?: string;
}

export interface HelpText {
  /** The usage lines, without the `usage: ` prefix. */
  readonly usage: readonly string[];
  /** Paragraphs before the options. */
  readonly intro: readonly string[];
  readonly groups: readonly HelpGroup[];
  /** [what it does, the command]. */
  readonly examples: readonly (readonly [string, string])[];
}

/** Words of `text` on lines of at most `width` columns, every line but the first indented by `indent` spaces. */
export function wrap(text: string, width: number, indent = 0, firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = " ".repeat(firstIndent);
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = " ".repeat(indent);
      empty = true;
    }
    line += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** `--name, --other VALUE`: the snake_case/kebab-case twin of a name is left out (the help says both work). */
function optionHead(name: string, spec: OptionSpec): string {
  const twin = (a: string) => a.replace(/_/g, "-") === name.replace(/_/g, "-");
  const names = [...(spec.short ? [`-${spec.short}`] : []), `--${name}`, ...(spec.aliases ?? []).filter((a) => !twin(a)).map((a) => `--${a}`)];
  const value = spec.kind === "flag" ? "" : ` ${spec.valueName ?? name.toUpperCase()}${spec.kind === "values" ? " ..." : ""}`;
  return names.join(", ") + value;
}

/**
 * `--help`: usage, intro, then the options by group (name column, description wrapped beside it), then examples;
 * every line within HELP_WIDTH columns. Throws when an option is in no group or in two: nothing goes unlisted.
 */
export function renderHelp(help: HelpText, specs: Readonly<Record<string, OptionSpec>>): string {
  const listed = help.groups.flatMap((g) => g.options);
  for (const name of Object.keys(specs)) {
    const n = listed.filter((x) => x === name).length;
    if (n !== 1) throw new Error(`--help lists --${name} ${n} times`);
  }
  for (const name of listed) if (!(name in specs)) throw new Error(`--help lists an unknown option --${name}`);
  const column = 32;
  const lines = help.usage.map((u, i) => `${i === 0 ? "usage: " : "       "}${u}`);
  for (const paragraph of help.intro) lines.push("", ...wrap(paragraph, HELP_WIDTH));
  for (const group of help.groups) {
    lines.push("", `${group.title}:`);
    for (const name of group.options) {
      const spec = specs[name] as OptionSpec;
      // The accepted values, unless the description already names them all.
      const choices = spec.choices && !spec.choices.every((c) => spec.description.includes(c)) ? `: ${spec.choices.join(", ")}` : "";
      const description = spec.description + choices;
      const head = `  ${optionHead(name, spec)}`;
      if (head.length + 2 <= column) lines.push(...wrap(description, HELP_WIDTH, column, column).map((l, i) => (i === 0 ? head.padEnd(column) + l.trimStart() : l)));
      else lines.push(head, ...wrap(description, HELP_WIDTH, column));
    }
    if (group.note) lines.push(...wrap(group.note, HELP_WIDTH, 2));
  }
  lines.push("", "examples:");
  for (const [what, command] of help.examples) lines.push(...wrap(`# ${what}`, HELP_WIDTH, 4, 2), `  ${command}`);
  return lines.join("\n");
}
