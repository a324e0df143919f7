/**
 * Maps the library's output units (keyword, instance location, keyword location; wrappers such
 * as `properties` or `anyOf` followed by their sub-errors) to gojsonschema's error model: a type
 * (`invalid_type`, `required`, `number_gte`, …), a field (`(root)`, `a.b`, `a.0`) and its
 * description text.
 *
 * gojsonschema's structure is kept: a type mismatch hides the node's other errors; anyOf/oneOf
 * and contains report only the closest failing branch (gojsonschema picks the best-scored one;
 * here, the one without a type mismatch at its top with the fewest errors); allOf reports every
 * branch then itself; errors of one node come in gojsonschema's keyword order.
 */
import { validate, type OutputUnit } from '@cfworker/json-schema';
import { numberText } from '../../value/number.js';
import { toJSONText } from '../../value/json.js';
import { keyOf, type Value } from '../../value/types.js';
import type { CompiledSchema, LibSchema } from './jsonschema-compile.js';

export interface ValidationError {
  type: string;
  field: string;
  desc: string;
}

interface Unit {
  u: OutputUnit;
  kids: Unit[];
}

const WRAPPERS = new Set([
  '$ref', 'properties', 'patternProperties', 'additionalProperties', 'items', 'additionalItems', 'contains',
  'propertyNames', 'dependencies', 'anyOf', 'allOf', 'oneOf', 'if',
]);

/** gojsonschema's order within one node: combinators, type-specific checks, common checks, children. */
const RANK: Record<string, number> = {
  type: -1, $ref: 0, anyOf: 0, oneOf: 1, allOf: 2, not: 3, dependencies: 4, if: 5,
  multipleOf: 10, maximum: 11, exclusiveMaximum: 12, minimum: 13, exclusiveMinimum: 14,
  items: 10, additionalItems: 10, minItems: 11, maxItems: 12, uniqueItems: 13, contains: 14,
  minProperties: 10, maxProperties: 11, required: 12, patternProperties: 13, additionalProperties: 13, propertyNames: 14,
  const: 20, enum: 21, format: 22, minLength: 30, maxLength: 31, pattern: 32, properties: 40,
};

function within(u: OutputUnit, w: OutputUnit): boolean {
  const inInstance = u.instanceLocation === w.instanceLocation || u.instanceLocation.startsWith(w.instanceLocation + '/');
  if (!inInstance) return false;
  if (w.keyword !== 'if') return u.keywordLocation.startsWith(w.keywordLocation + '/');
  const node = w.keywordLocation.slice(0, -'/if'.length);
  return u.keywordLocation.startsWith(node + '/then/') || u.keywordLocation.startsWith(node + '/else/');
}

/** The library lists a wrapper right before its sub-errors, whose locations extend the wrapper's. */
function tree(units: OutputUnit[]): Unit[] {
  const roots: Unit[] = [];
  const open: Unit[] = [];
  for (const u of units) {
    while (open.length > 0 && !within(u, open[open.length - 1].u)) open.pop();
    const unit: Unit = { u, kids: [] };
    (open.length > 0 ? open[open.length - 1].kids : roots).push(unit);
    if (WRAPPERS.has(u.keyword)) open.push(unit);
  }
  return roots;
}

function segments(pointer: string): string[] {
  if (pointer === '#' || pointer === '') return [];
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

const parentOf = (loc: string) => loc.slice(0, loc.lastIndexOf('/'));
/** The first segment of `loc` below `base` (a branch index, an item index). */
const nextSegment = (loc: string, base: string) => loc.slice(base.length + 1).split('/')[0];
const lastSegment = (loc: string) => segments(loc).pop() ?? '';

function fieldOf(instanceLocation: string): string {
  const path = segments(instanceLocation);
  return path.length === 0 ? '(root)' : path.join('.');
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const text = (v: unknown) => (typeof v === 'number' ? numberText(v) : toJSONText(v as Value));

interface Group {
  rank: number;
  errors: ValidationError[];
}

class Mapper {
  private readonly schemas = new Map<string, unknown>();
  private readonly done = new Set<string>();

  constructor(
    private readonly compiled: CompiledSchema,
    private readonly instance: unknown,
  ) {}

  map(units: OutputUnit[]): ValidationError[] {
    return this.level(tree(units));
  }

  /** The schema value at a keyword location (following `$ref`s as the library did). */
  private schemaAt(loc: string): unknown {
    let hit = this.schemas.get(loc);
    if (hit !== undefined || this.schemas.has(loc)) return hit;
    let cur: unknown = this.compiled.root;
    for (const seg of segments(loc)) {
      if (cur === null || typeof cur !== 'object') break;
      cur = seg === '$ref' ? this.compiled.lookup[(cur as Exclude<LibSchema, boolean>).__absolute_ref__ ?? ''] : (cur as Record<string, unknown>)[seg];
    }
    hit = cur;
    this.schemas.set(loc, hit);
    return hit;
  }

  private instanceAt(loc: string): unknown {
    let cur = this.instance;
    for (const seg of segments(loc)) cur = (cur as Record<string, unknown>)?.[seg];
    return cur;
  }

  private level(units: Unit[], field?: string): ValidationError[] {
    const typeNodes = units.filter((x) => x.u.keyword === 'type').map((x) => x.u);
    const kept = units.filter(
      (x) => x.u.keyword === 'type' || !typeNodes.some((t) => t.instanceLocation === x.u.instanceLocation && x.u.keywordLocation.startsWith(parentOf(t.keywordLocation) + '/')),
    );
    const groups = kept.flatMap((x) => this.unit(x, field));
    groups.sort((a, b) => a.rank - b.rank);
    return groups.flatMap((g) => g.errors);
  }

  private unit(x: Unit, fieldOverride?: string): Group[] {
    const { keyword: kw, keywordLocation: kloc, instanceLocation: iloc } = x.u;
    const field = fieldOverride ?? fieldOf(iloc);
    const node = () => this.schemaAt(parentOf(kloc)) as Record<string, unknown>;
    const own = () => this.schemaAt(kloc);
    const rank = RANK[kw] ?? 50;
    const one = (type: string, desc: string, r = rank): Group[] => [{ rank: r, errors: [{ type, field, desc }] }];
    const kids = () => [{ rank, errors: this.level(x.kids, fieldOverride) }];
    const once = () => {
      const key = `${kw}|${kloc}|${iloc}`;
      if (this.done.has(key)) return false;
      this.done.add(key);
      return true;
    };
    switch (kw) {
      case 'type': {
        const t = node().type;
        const expected = Array.isArray(t) ? (t.length > 1 ? `[${t.join(',')}]` : String(t[0])) : String(t);
        return one('invalid_type', `Invalid type. Expected: ${expected}, given: ${typeName(this.instanceAt(iloc))}`);
      }
      case '$ref':
      case 'properties':
      case 'patternProperties':
      case 'items':
        return kids();
      case 'additionalProperties':
        if (!this.isFalse(own())) return kids();
        return one('additional_property_not_allowed', `Additional property ${lastSegment(x.kids[0]?.u.instanceLocation ?? '')} is not allowed`);
      case 'additionalItems':
        if (!this.isFalse(own())) return kids();
        return once() ? one('array_no_additional_items', 'No additional items allowed on array') : [];
      case 'not':
        if (this.isFalse(node())) return one('false', 'False always fails validation');
        return one('number_not', 'Must not validate the schema (not)');
      case 'anyOf':
        return [{ rank, errors: [{ type: 'number_any_of', field, desc: 'Must validate at least one schema (anyOf)' }, ...this.closest(x.kids, kloc, fieldOverride)] }];
      case 'oneOf': {
        const failing = new Set(x.kids.map((k) => nextSegment(k.u.keywordLocation, kloc)));
        const matches = (own() as unknown[]).length - failing.size;
        const rest = matches === 0 ? this.closest(x.kids, kloc, fieldOverride) : [];
        return [{ rank, errors: [{ type: 'number_one_of', field, desc: 'Must validate one and only one schema (oneOf)' }, ...rest] }];
      }
      case 'allOf':
        return [{ rank, errors: [...this.level(x.kids, fieldOverride), { type: 'number_all_of', field, desc: 'Must validate all the schemas (allOf)' }] }];
      case 'if': {
        const then = x.kids.some((k) => k.u.keywordLocation.startsWith(parentOf(kloc) + '/then/'));
        const head = then
          ? { type: 'condition_then', field, desc: 'Must validate "then" as "if" was valid' }
          : { type: 'condition_else', field, desc: 'Must validate "else" as "if" was not valid' };
        return [{ rank, errors: [head, ...this.level(x.kids, fieldOverride)] }];
      }
      case 'contains': {
        // The library keeps no item errors for contains; gojsonschema reports the closest item's.
        const head = { type: 'contains', field, desc: 'At least one of the items must match' };
        const items = this.instanceAt(iloc) as unknown[];
        const { lookup } = this.compiled;
        const perItem = items.map((v, i) => tree(validate(v, own() as LibSchema, '7', lookup, false, null, `${iloc}/${i}`, kloc).errors));
        return [{ rank, errors: [head, ...this.best(perItem, fieldOverride)] }];
      }
      case 'propertyNames': {
        const name = lastSegment(x.kids[0]?.u.instanceLocation ?? '');
        return [{ rank, errors: [{ type: 'invalid_property_name', field, desc: `Property name of "${name}" does not match` }, ...this.level(x.kids, field)] }];
      }
      case 'dependencies':
        if (x.kids.length > 0) return kids();
        if (!once()) return [];
        return this.missing(node().dependencies as Record<string, unknown>, iloc).map((d) => one('missing_dependency', `Has a dependency on ${d}`)[0]);
      case 'required': {
        if (!once()) return [];
        const obj = this.instanceAt(iloc) as Record<string, unknown>;
        const absent = (node().required as string[]).filter((r) => !Object.prototype.hasOwnProperty.call(obj, r));
        return absent.map((r) => one('required', `${r} is required`)[0]);
      }
      case 'uniqueItems':
        return this.duplicates(this.instanceAt(iloc) as unknown[]).map(([i, j]) => one('unique', `array items[${i},${j}] must be unique`)[0]);
      case 'enum': {
        const values = own() as unknown[];
        const allowed = values.length === 0 ? '(none)' : values.map(text).join(', ');
        return one('enum', `${field} must be one of the following: ${allowed}`);
      }
      case 'const':
        return one('const', `${field} does not match: ${text(own())}`);
      case 'format':
        return this.stringChecks(node().format as string, this.instanceAt(iloc) as string, field);
      case 'minimum':
        return one('number_gte', `Must be greater than or equal to ${text(own())}`);
      case 'exclusiveMinimum':
        return one('number_gt', `Must be greater than ${text(own())}`);
      case 'maximum':
        return one('number_lte', `Must be less than or equal to ${text(own())}`);
      case 'exclusiveMaximum':
        return one('number_lt', `Must be less than ${text(own())}`);
      case 'multipleOf':
        return one('multiple_of', `Must be a multiple of ${text(own())}`);
      case 'minLength':
        return one('string_gte', `String length must be greater than or equal to ${text(own())}`);
      case 'maxLength':
        return one('string_lte', `String length must be less than or equal to ${text(own())}`);
      case 'minItems':
        return one('array_min_items', `Array must have at least ${text(own())} items`);
      case 'maxItems':
        return one('array_max_items', `Array must have at most ${text(own())} items`);
      case 'minProperties':
        return one('array_min_properties', `Must have at least ${text(own())} properties`);
      case 'maxProperties':
        return one('array_max_properties', `Must have at most ${text(own())} properties`);
      default:
        return one('internal', `Internal Error ${x.u.error}`);
    }
  }

  private isFalse(s: unknown): boolean {
    return typeof s === 'object' && s !== null && this.compiled.falseNodes.has(s);
  }

  /** The errors of the closest failing branch of anyOf/oneOf (branches are the index after `kloc`). */
  private closest(kids: Unit[], kloc: string, field?: string): ValidationError[] {
    return this.best(groupBy(kids.map((k) => ({ ...k, branch: nextSegment(k.u.keywordLocation, kloc) }))), field);
  }

  private best(branches: Unit[][], field?: string): ValidationError[] {
    let best: ValidationError[] | undefined;
    let bestScore = Infinity;
    for (const units of branches) {
      const errors = this.level(units, field);
      const top = units[0]?.u.instanceLocation;
      const typeAtTop = units.some((k) => k.u.keyword === 'type' && k.u.instanceLocation === top);
      const score = (typeAtTop ? 1e6 : 0) + errors.length;
      if (score < bestScore) [best, bestScore] = [errors, score];
    }
    return best ?? [];
  }

  private missing(deps: Record<string, unknown>, iloc: string): string[] {
    const obj = this.instanceAt(iloc) as Record<string, unknown>;
    const has = (k: string) => Object.prototype.hasOwnProperty.call(obj, k);
    const out: string[] = [];
    for (const [k, d] of Object.entries(deps)) if (has(k) && Array.isArray(d)) out.push(...d.filter((x: string) => !has(x)));
    return out;
  }

  /** gojsonschema reports each item equal to an earlier one, with that earlier item's index. */
  private duplicates(items: unknown[]): [number, number][] {
    const seen = new Map<string, number>();
    const out: [number, number][] = [];
    items.forEach((v, j) => {
      const key = keyOf(v as Value);
      const i = seen.get(key);
      if (i !== undefined) out.push([i, j]);
      seen.set(key, j);
    });
    return out;
  }

  private stringChecks(name: string, s: string, field: string): Group[] {
    const check = this.compiled.checks.get(name);
    const out: Group[] = [];
    if (check?.format && !check.format.test(s)) {
      out.push({ rank: RANK.format, errors: [{ type: 'format', field, desc: `Does not match format '${check.format.name}'` }] });
    }
    if (check?.pattern && !check.pattern.re.matcher(s).find()) {
      out.push({ rank: RANK.pattern, errors: [{ type: 'pattern', field, desc: `Does not match pattern '${check.pattern.source}'` }] });
    }
    return out;
  }
}

function groupBy(units: (Unit & { branch: string })[]): Unit[][] {
  const groups = new Map<string, Unit[]>();
  for (const u of units) {
    const g = groups.get(u.branch);
    if (g) g.push(u);
    else groups.set(u.branch, [u]);
  }
  return [...groups.values()];
}

/** gojsonschema's errors for the library's output on `instance`. */
export function mapErrors(compiled: CompiledSchema, instance: unknown, units: OutputUnit[]): ValidationError[] {
  return new Mapper(compiled, instance).map(units);
}
