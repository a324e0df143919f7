/**
 * Attaches parsed METADATA blocks to statements and indexes them by scope, as OPA does:
 * a block belongs to the first statement starting on a later line; its scope defaults to `rule`
 * (above a rule), `package` (above the package clause) or `import` (an error). `rule` blocks are
 * kept per rule definition, `document` blocks per rule path, `package` blocks per package path and
 * `subpackages` blocks in a path tree; a second `package`/`document`/`subpackages` block for the
 * same path is an error.
 */
import { ErrorCodes, type Diagnostic } from '../errors.js';
import type { Import, Module, Rule, Term } from '../syntax/ast.js';
import { metadataBlocks } from '../syntax/annotations.js';
import type { AnnotationFields, ParsedBlock } from './parse.js';
import { parsedBlockAt } from './pre-parsed.js';

/** The statement a METADATA block is attached to: a package clause, a rule or an import. */
export type AnnotationTarget =
  | { kind: 'package'; module: Module }
  | { kind: 'rule'; module: Module; rule: Rule }
  | { kind: 'import'; module: Module; imp: Import };

/** One METADATA block with its target and effective scope. */
export interface AnnotationEntry extends ParsedBlock {
  target?: AnnotationTarget;
  /** Path of the target below `data`: package path, or package path + the rule's ground head prefix. */
  path: string[];
}

/** All METADATA blocks of a set of modules, indexed by scope (rule, document, package, subpackages), with attachment errors. */
export interface AnnotationSet {
  entries: AnnotationEntry[];
  errors: Diagnostic[];
  byRule: Map<Rule, AnnotationEntry[]>;
  byPackage: Map<string, AnnotationEntry>;
  byDocument: Map<string, AnnotationEntry>;
  bySubpackages: Map<string, AnnotationEntry>;
}

/** The package path of a module below `data` (`package a.b` → `["a", "b"]`). */
export function packagePath(mod: Module): string[] {
  return mod.package.path.path.map((t) => (t.type === 'string' ? t.value : '?'));
}

/** Ground prefix of a rule head (`a.b[x].c` → `a.b`). */
export function ruleHeadPrefix(rule: Rule): string[] {
  const ref = rule.head.ref;
  if (ref.type === 'var') return [ref.name];
  const out = [ref.head.type === 'var' ? ref.head.name : '?'];
  for (const seg of ref.path as Term[]) {
    if (seg.type !== 'string') break;
    out.push(seg.value);
  }
  return out;
}

/** The path of a rule below `data`: package path plus the ground prefix of the rule head. */
export function rulePath(mod: Module, rule: Rule): string[] {
  return [...packagePath(mod), ...ruleHeadPrefix(rule)];
}

const key = (path: string[]): string => path.join('\u0000');

function attach(mod: Module): { entries: AnnotationEntry[]; errors: Diagnostic[] } {
  const entries: AnnotationEntry[] = [];
  const errors: Diagnostic[] = [];
  type Stmt = { row: number; target: AnnotationTarget };
  const stmts: Stmt[] = [
    { row: mod.package.loc.row, target: { kind: 'package', module: mod } } as Stmt,
    ...mod.imports.map((imp): Stmt => ({ row: imp.loc.row, target: { kind: 'import', module: mod, imp } })),
    ...mod.rules.map((rule): Stmt => ({ row: rule.loc.row, target: { kind: 'rule', module: mod, rule } })),
  ].sort((a, b) => a.row - b.row);
  for (const [index, raw] of metadataBlocks(mod.comments).entries()) {
    const parsed = parsedBlockAt(mod, index, raw);
    if (parsed.error) {
      errors.push(parsed.error);
      continue;
    }
    const block = parsed.block!;
    const target = stmts.find((s) => s.row > raw.loc.row)?.target;
    const fields: AnnotationFields = block.fields;
    if (fields.scope === '' && target) fields.scope = target.kind;
    const path = target?.kind === 'rule' ? rulePath(mod, target.rule) : packagePath(mod);
    const entry: AnnotationEntry = { ...block, target, path };
    const err = validateAttachment(entry);
    if (err) errors.push(err);
    else entries.push(entry);
  }
  return { entries, errors };
}

function validateAttachment(e: AnnotationEntry): Diagnostic | undefined {
  const s = e.fields.scope;
  const have = e.target ? ` (have ${e.target.kind})` : '';
  const err = (message: string): Diagnostic => ({ code: ErrorCodes.parse, message, location: e.loc });
  switch (s) {
    case 'rule':
    case 'document':
      if (e.target?.kind !== 'rule') return err(`annotation scope '${s}' must be applied to rule${have}`);
      break;
    case 'package':
    case 'subpackages':
      if (e.target?.kind !== 'package') return err(`annotation scope '${s}' must be applied to package${have}`);
      break;
    default:
      return err(`invalid annotation scope '${s}'. Use one of 'rule', 'document', 'package', or 'subpackages'`);
  }
  if (e.fields.entrypoint && s !== 'rule' && s !== 'package') return err(`annotation entrypoint applied to non-rule or package scope '${s}'`);
  return undefined;
}

/** Builds the annotation set of a group of modules compiled together. */
export function buildAnnotationSet(modules: Module[]): AnnotationSet {
  const set: AnnotationSet = { entries: [], errors: [], byRule: new Map(), byPackage: new Map(), byDocument: new Map(), bySubpackages: new Map() };
  const redeclared = (e: AnnotationEntry, other: AnnotationEntry): Diagnostic => ({
    code: ErrorCodes.type,
    message: `${e.fields.scope} annotation redeclared: ${other.loc.file}:${other.loc.row}`,
    location: e.loc,
  });
  for (const mod of modules) {
    const { entries, errors } = attach(mod);
    set.errors.push(...errors);
    for (const e of entries) {
      const k = key(e.path);
      switch (e.fields.scope) {
        case 'rule': {
          const rule = (e.target as { rule: Rule }).rule;
          const list = set.byRule.get(rule) ?? [];
          list.push(e);
          set.byRule.set(rule, list);
          break;
        }
        case 'package':
          if (set.byPackage.has(k)) {
            set.errors.push(redeclared(e, set.byPackage.get(k)!));
            continue;
          }
          set.byPackage.set(k, e);
          break;
        case 'document':
          if (set.byDocument.has(k)) {
            set.errors.push(redeclared(e, set.byDocument.get(k)!));
            continue;
          }
          set.byDocument.set(k, e);
          break;
        case 'subpackages':
          if (set.bySubpackages.has(k)) {
            set.errors.push(redeclared(e, set.bySubpackages.get(k)!));
            continue;
          }
          set.bySubpackages.set(k, e);
          break;
      }
      set.entries.push(e);
    }
  }
  return set;
}

/**
 * OPA's chain for a rule: its own `rule` blocks (closest first), then the `document` block of its
 * path, the `package` block, and `subpackages` blocks from the nearest package path outwards.
 * The first element is the rule's own (possibly without annotations).
 */
export function annotationChain(set: AnnotationSet, mod: Module, rule: Rule): { path: string[]; entry?: AnnotationEntry }[] {
  const path = rulePath(mod, rule);
  const own = [...(set.byRule.get(rule) ?? [])].sort((a, b) => b.loc.offset - a.loc.offset);
  const out: { path: string[]; entry?: AnnotationEntry }[] = own.length ? own.map((entry) => ({ path, entry })) : [{ path }];
  const doc = set.byDocument.get(key(path));
  if (doc) out.push({ path: doc.path, entry: doc });
  const pkg = packagePath(mod);
  const p = set.byPackage.get(key(pkg));
  if (p) out.push({ path: p.path, entry: p });
  for (let n = pkg.length; n >= 1; n--) {
    const sub = set.bySubpackages.get(key(pkg.slice(0, n)));
    if (sub) out.push({ path: sub.path, entry: sub });
  }
  return out;
}
