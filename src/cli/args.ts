import { UsageError } from "../core/errors.js";

/** How an option takes its value: a flag, one value, or one or more values up to the next option (argparse's `nargs="+"`). */
export type OptionKind = "flag" | "value" | "values";

export interface OptionSpec {
  readonly kind: OptionKind;
  readonly description: string;
  /** Other spellings (`--library-name` for `--library_name`). */
  readonly aliases?: readonly string[];
  readonly valueName?: string;
  readonly choices?: readonly string[];
}

export type ParsedArgs = {
  readonly positionals: string[];
  readonly options: Record<string, string | string[] | boolean>;
};

/**
 * A small argv parser in argparse's manner (the CLI mirrors accelerate's argparse flags): `--opt value`,
 * `--opt=value`, `--opt v1 v2` for lists, `--` ends options. Unknown options are usage errors.
 */
export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const byName = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) {
    byName.set(name, name);
    for (const alias of spec.aliases ?? []) byName.set(alias, name);
  }
  const positionals: string[] = [];
  const options: Record<string, string | string[] | boolean> = {};
  let i = 0;
  let onlyPositionals = false;
  while (i < argv.length) {
    const arg = argv[i] as string;
    i++;
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

/** `--help` text: usage line, then one line per option. */
export function renderHelp(usage: string, intro: string, specs: Readonly<Record<string, OptionSpec>>): string {
  const lines = [`usage: ${usage}`, "", intro, "", "options:"];
  const heads = Object.entries(specs).map(([name, spec]) => {
    const value = spec.kind === "flag" ? "" : ` ${spec.valueName ?? name.toUpperCase()}${spec.kind === "values" ? " ..." : ""}`;
    return { head: [`--${name}`, ...(spec.aliases ?? []).map((a) => `--${a}`)].join(", ") + value, spec };
  });
  const width = Math.min(42, Math.max(...heads.map((h) => h.head.length)) + 2);
  for (const { head, spec } of heads) {
    const pad = head.length >= width ? `\n${" ".repeat(width + 2)}` : " ".repeat(width - head.length);
    lines.push(`  ${head}${pad}${spec.description}`);
  }
  return lines.join("\n");
}
