/**
 * diffusers' `ConfigMixin.from_config`: the class's `__init__` defaults under the config's values (keys the
 * signature does not name are ignored there, harmless here), read through the typed `Config` accessors.
 */
import { Config, type RawConfig } from "../../../config/config.js";
import { InvalidConfigError, UnsupportedArchitectureError } from "../../../errors.js";
import { indexed } from "./runs.js";

export function diffusersConfig(raw: RawConfig, defaults: Readonly<Record<string, unknown>>, className: string): Config {
  const values: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(raw)) if (!key.startsWith("_")) values[key] = value;
  return new Config(values, {}, className);
}

/** An `int | tuple[int]` argument broadcast to one value per block (`(x,) * len(down_block_types)`). */
export function perBlock(c: Config, name: string, count: number): number[] {
  const v = c.get(name);
  if (Array.isArray(v)) {
    const list = c.intList(name);
    if (list.length !== count) {
      throw new InvalidConfigError(`${c.label}: \`${name}\` has ${list.length} entries for ${count} blocks`, name);
    }
    return list;
  }
  const one = c.int(name);
  return indexed(count, () => one);
}

/** Like `perBlock` for values that may be null per entry (`attention_head_dim` entries default to the width). */
export function optionalPerBlock(c: Config, name: string, count: number): (number | undefined)[] {
  const v = c.get(name);
  if (v === null || v === undefined) return indexed(count, () => undefined);
  if (Array.isArray(v)) {
    if (v.length !== count) throw new InvalidConfigError(`${c.label}: \`${name}\` has ${v.length} entries for ${count} blocks`, name);
    return v.map((x, i) => {
      if (x === null) return undefined;
      if (typeof x !== "number" || !Number.isInteger(x) || x < 0) throw new InvalidConfigError(`${c.label}: \`${name}[${i}]\` must be an integer`, name);
      return x;
    });
  }
  return perBlock(c, name, count);
}

/** A list of block type names (`down_block_types`). */
export function stringList(c: Config, name: string): string[] {
  const v = c.list(name);
  return v.map((x, i) => {
    if (typeof x !== "string") throw new InvalidConfigError(`${c.label}: \`${name}[${i}]\` must be a string`, name);
    return x;
  });
}

/** `a // b` where the modeling code divides a width by a head count. */
export function exactDiv(a: number, b: number, what: string): number {
  if (b <= 0 || a % b !== 0) throw new InvalidConfigError(`${what}: ${a} is not a multiple of ${b}`);
  return a / b;
}

/** A block type, option value… that the ported code does not build: the config is valid diffusers, not ours. */
export function unsupported(className: string, what: string): never {
  throw new UnsupportedArchitectureError(`${className}: ${what} is not supported yet`, className);
}
