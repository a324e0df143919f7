/**
 * `palisade check --strict` (and `scan`/`test --strict`): the extra checks of OPA's strict mode that
 * concern authors — unused imports, local variables assigned with `:=` but never used, and unused
 * function arguments — plus METADATA keys OPA does not know (OPA ignores them silently; a typo such as `titel` is reported). Calls to deprecated
 * builtins need no flag: like OPA 1.x, the compiler rejects them in every Rego v1 module.
 */
import { ErrorCodes, walkBody, walkRule, walkTerm, type AnnotationSet, type Diagnostic, type Expr, type Module, type Rule, type Term, type Walker } from '@palisade/engine';
import type { Location } from '@palisade/engine';

const err = (message: string, location: Location): Diagnostic => ({ code: ErrorCodes.compile, message, location });

function unusedImports(mod: Module): Diagnostic[] {
  const used = new Set<string>();
  for (const r of mod.rules) walkRule(r, { term: (t) => t.type === 'var' && used.add(t.name) });
  const out: Diagnostic[] = [];
  for (const imp of mod.imports) {
    const p = imp.path;
    const root = p.type === 'var' ? p.name : p.head.type === 'var' ? p.head.name : '';
    if (root === 'future' || root === 'rego' || p.type === 'var') continue;
    const last = p.path[p.path.length - 1];
    const name = imp.alias ?? (last.type === 'string' ? last.value : '');
    if (name && !used.has(name)) out.push(err(`import ${root}.${p.path.map((s) => (s.type === 'string' ? s.value : '?')).join('.')}${imp.alias ? ` as ${imp.alias}` : ''} unused`, imp.loc));
  }
  return out;
}

/** Variables bound with `:=` in a rule that no other term of the rule mentions. */
function unusedAssignments(r: Rule): Diagnostic[] {
  const counts = new Map<string, number>();
  walkRule(r, { term: (t) => t.type === 'var' && counts.set(t.name, (counts.get(t.name) ?? 0) + 1) });
  const out: Diagnostic[] = [];
  const declared = (t: Term, e: Expr) =>
    walkTerm(t, {
      term: (x) => {
        if (x.type === 'var' && x.name !== '_' && !x.name.startsWith('$') && counts.get(x.name) === 1) out.push(err(`assigned var ${x.name} unused`, x.loc ?? e.loc));
      },
    });
  const visit: Walker = {
    expr: (e) => {
      if (e.node.kind === 'assign') declared(e.node.left, e);
    },
  };
  walkBody(r.body, visit);
  for (const e of r.else) walkBody(e.body, visit);
  return out;
}

/**
 * Function arguments that neither the body nor the value of the function (nor of its `else`
 * branches) mentions, as OPA's strict mode reports them: `unused argument y`.
 */
function unusedArguments(r: Rule): Diagnostic[] {
  const args = r.head.args;
  if (!args?.length) return [];
  const declared: Term[] = [];
  for (const a of args) walkTerm(a, { term: (t) => t.type === 'var' && t.name !== '_' && !t.name.startsWith('$') && declared.push(t) });
  const used = new Set<string>();
  const mark: Walker = { term: (t) => t.type === 'var' && used.add(t.name) };
  for (const t of [r.head.key, r.head.value]) if (t) walkTerm(t, mark);
  walkBody(r.body, mark);
  for (const e of r.else) {
    if (e.value) walkTerm(e.value, mark);
    walkBody(e.body, mark);
  }
  return declared.flatMap((t) => (t.type === 'var' && !used.has(t.name) ? [err(`unused argument ${t.name}. (hint: use _ (wildcard variable) instead)`, t.loc ?? r.loc)] : []));
}

/**
 * OPA's strict-mode checks that Palisade adds to a compile (`check --strict`, and `scan`/`test
 * --strict` as conftest's `--strict`): unused imports, unused `:=` assignments, unused function
 * arguments, and METADATA keys OPA does not know.
 */
export function strictChecks(modules: Module[], annotations: AnnotationSet): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of modules) {
    out.push(...unusedImports(m));
    for (const r of m.rules) out.push(...unusedAssignments(r), ...unusedArguments(r));
  }
  for (const a of annotations.entries) {
    for (const k of a.unknownKeys) out.push({ code: ErrorCodes.parse, message: `unknown METADATA key \`${k.key}\` (OPA ignores it; known keys: scope, title, description, entrypoint, organizations, related_resources, authors, schemas, custom)`, location: k.loc });
  }
  return out.sort((a, b) => (a.location!.file === b.location!.file ? a.location!.row - b.location!.row : a.location!.file < b.location!.file ? -1 : 1));
}
