/**
 * Precomputed LL(k) lookahead for the Rego parser. When a chevrotain parser is built it computes,
 * for every alternation and optional production, the token sequences that select it; for this
 * grammar that is most of building the parser (≈150 ms, the largest part of a cold
 * `palisade eval 1+1`; docs/performance.md). Those sequences depend on the grammar alone, so the
 * engine bundle (scripts/bundle-engine.mjs) computes them once at build time and embeds them as
 * a table; the parser then only turns the table into lookahead functions.
 *
 * The table carries a fingerprint of the grammar it was computed from. Any difference (the grammar
 * changed after the table was made) and it is ignored: chevrotain computes everything itself, so a
 * stale table costs time, never a different parse. Chevrotain has no public API for reusing
 * lookahead, which is why this strategy exists: `getLookaheadPaths` and the strategy interface are
 * public; the functions built here follow chevrotain's own (first alternative, in order, whose gate
 * passes and one of whose sequences matches the next tokens).
 */
import { getLookaheadPaths, LLkLookaheadStrategy, serializeGrammar, tokenMatcher, type ILookaheadValidationError, type IOrAlt, type IToken, type LookaheadProductionType, type Rule, type TokenType } from 'chevrotain';

/** Production key (`rule|type|occurrence`) → alternatives → sequences → token type names. */
export interface LookaheadTable {
  fingerprint: string;
  paths: Record<string, string[][][]>;
}

/** Replaced by the table when the engine is bundled (esbuild `define`); undefined in the sources. */
declare const __PALISADE_LOOKAHEAD_TABLE__: LookaheadTable | undefined;

export function bundledLookaheadTable(): LookaheadTable | undefined {
  return typeof __PALISADE_LOOKAHEAD_TABLE__ === 'undefined' ? undefined : __PALISADE_LOOKAHEAD_TABLE__;
}

/** Two independent 32-bit FNV-1a hashes and the length: a grammar edit changes it. */
function fingerprintOf(rules: Rule[], maxLookahead: number): string {
  const text = `${maxLookahead}\n${JSON.stringify(serializeGrammar(rules))}`;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16)}-${(b >>> 0).toString(16)}-${text.length}`;
}

interface Parser {
  LA(i: number): IToken;
}

type Sequences = TokenType[][];

function matches(parser: Parser, seq: TokenType[]): boolean {
  for (let i = 0; i < seq.length; i++) if (!tokenMatcher(parser.LA(i + 1), seq[i]!)) return false;
  return true;
}

export class TableLookahead extends LLkLookaheadStrategy {
  private readonly tokens: Map<string, TokenType>;
  private readonly maxK: number;
  private table: LookaheadTable | undefined;
  private usable: boolean | undefined;

  /**
   * `table`: use it when its fingerprint matches. `record`: fill it (build time), so the paths
   * come from chevrotain's analysis and the functions from this strategy, as when a table is used.
   */
  constructor(
    tokens: TokenType[],
    maxLookahead: number,
    table: LookaheadTable | undefined,
    private readonly record?: LookaheadTable,
  ) {
    super({ maxLookahead });
    this.tokens = new Map(tokens.map((t) => [t.name, t]));
    this.maxK = maxLookahead;
    this.table = table;
  }

  /** Whether the table applies to this grammar (decided once, on the first call). */
  private check(rules: Rule[]): boolean {
    if (this.usable === undefined) {
      const fp = fingerprintOf(rules, this.maxK);
      if (this.record) this.record.fingerprint = fp;
      this.usable = this.table !== undefined && this.table.fingerprint === fp;
      if (!this.usable) this.table = undefined;
    }
    return this.usable;
  }

  override validate(options: { rules: Rule[]; tokenTypes: TokenType[]; grammarName: string }): ILookaheadValidationError[] {
    // A matching table was made from this very grammar with the validations on (at build time).
    if (this.check(options.rules)) return [];
    return super.validate(options);
  }

  override initialize(options: { rules: Rule[] }): void {
    this.check(options.rules);
  }

  /** The sequences of one production from the table or the record, or undefined to let chevrotain build it. */
  private sequences(rule: Rule, prodType: LookaheadProductionType, occurrence: number, maxLookahead: number): Sequences[] | undefined {
    const key = `${rule.name}|${prodType}|${occurrence}|${maxLookahead}`;
    if (this.table) {
      const names = this.table.paths[key];
      const alts = names?.map((alt) => alt.map((seq) => seq.map((n) => this.tokens.get(n))));
      // A missing entry or an unknown token name: chevrotain builds this one itself.
      if (!alts || alts.some((alt) => alt.some((seq) => seq.includes(undefined)))) return undefined;
      return alts as Sequences[];
    }
    if (!this.record) return undefined;
    const paths = getLookaheadPaths({ occurrence, rule, prodType, maxLookahead });
    this.record.paths[key] = paths.map((alt) => alt.map((seq) => seq.map((t) => t.name)));
    return paths;
  }

  override buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    maxLookahead: number;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const alts = options.dynamicTokensEnabled ? undefined : this.sequences(options.rule, 'Alternation', options.prodOccurrence, options.maxLookahead);
    if (!alts) return super.buildLookaheadForAlternation(options);
    const gated = options.hasPredicates;
    return function (this: Parser, orAlts?: IOrAlt<unknown>[]): number | undefined {
      for (let t = 0; t < alts.length; t++) {
        const gate = gated ? orAlts?.[t]?.GATE : undefined;
        if (gate !== undefined && gate.call(this) === false) continue;
        for (const seq of alts[t]!) if (matches(this, seq)) return t;
      }
      return undefined;
    };
  }

  override buildLookaheadForOptional(options: {
    prodOccurrence: number;
    prodType: 'Option' | 'RepetitionMandatory' | 'RepetitionMandatoryWithSeparator' | 'Repetition' | 'RepetitionWithSeparator';
    rule: Rule;
    maxLookahead: number;
    dynamicTokensEnabled: boolean;
  }): () => boolean {
    const paths = options.dynamicTokensEnabled ? undefined : this.sequences(options.rule, options.prodType, options.prodOccurrence, options.maxLookahead);
    if (!paths) return super.buildLookaheadForOptional(options);
    // [0]: the sequences that enter the production (as chevrotain's own builder uses them).
    const inside = paths[0] ?? [];
    return function (this: Parser): boolean {
      for (const seq of inside) if (matches(this, seq)) return true;
      return false;
    };
  }
}
