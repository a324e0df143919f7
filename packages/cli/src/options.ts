/**
 * Typed command options, derived from a command's option table. `OptionsOf<typeof table>` is the
 * object the argument parser hands to the command (`parseOptions`): one property per option, named
 * as commander names it (`--max-memory <MB>` → `maxMemory`, `--no-color` → `color`), typed by the
 * flags (`<x>` a string, `<x...>` or `repeatable` a string array, `[x]` a string or true, none a
 * boolean) and optional unless the option has a default. Commands declare their table with
 * `defineCommand`, so a flag renamed in the table is a type error wherever the command reads it.
 */
import { Option } from 'commander';

/** One row of a command's option table. */
export interface OptionSpec {
  /** commander flags text, e.g. `-d, --data <path...>` */
  flags: string;
  description: string;
  default?: string | boolean;
  /**
   * Repeatable single-value option (`-d a -d b`): values collect into an array. Prefer this to
   * variadic `<x...>`, which would swallow positional arguments that follow.
   */
  repeatable?: boolean;
}

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
/** The long name of a flags text (the short one when there is none), without its value placeholder. */
type FlagName<F extends string> = F extends `${string}--${infer L}` ? (L extends `${infer N} ${string}` ? N : L) : F extends `-${infer S} ${string}` ? S : F extends `-${infer S}` ? S : F;
type KeyOf<O extends OptionSpec> = FlagName<O['flags']> extends `no-${infer N}` ? Camel<N> : Camel<FlagName<O['flags']>>;
type ValueOf<O extends OptionSpec> =
  FlagName<O['flags']> extends `no-${string}`
    ? boolean
    : O extends { repeatable: true }
      ? string[]
      : O['flags'] extends `${string}<${string}...>${string}`
        ? string[]
        : O['flags'] extends `${string}<${string}>${string}`
          ? string
          : O['flags'] extends `${string}[${string}]${string}`
            ? string | true
            : boolean;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The options object of a command whose option table is `S`. */
export type OptionsOf<S extends readonly OptionSpec[]> = Simplify<
  { [O in S[number] as O extends { default: unknown } ? KeyOf<O> : never]: ValueOf<O> } & {
    [O in S[number] as O extends { default: unknown } ? never : KeyOf<O>]?: ValueOf<O>;
  }
>;

/** Parsed options before a command's table gives them a type (what commander collected). */
export type ParsedOptions = Record<string, unknown>;

/** The property name commander gives an option (`--max-memory <MB>` → `maxMemory`). */
export function optionKey(spec: OptionSpec): string {
  return new Option(spec.flags).attributeName();
}

/** The options of the table `specs`, taken from what commander collected (other keys are dropped). */
export function parseOptions(specs: readonly OptionSpec[], collected: ParsedOptions): ParsedOptions {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const key = optionKey(spec);
    if (collected[key] !== undefined) out[key] = collected[key];
  }
  return out;
}
