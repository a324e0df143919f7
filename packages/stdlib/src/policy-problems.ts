/**
 * User policy sets that would scan nothing without saying so: rules that look like checks but
 * have a shape the scanner does not read (Rego v0 habits such as `deny[msg] if { … }`, which v1
 * reads as an object rule), and namespace selections that match none of the user's packages.
 * Both are errors of the run: a gate that silently checks nothing must not pass.
 */
import { ErrorCodes, type Diagnostic, type Module, type Term } from '@palisade/engine';
import { RULE_NAME } from './conftest.js';
import type { Policy } from './policy-set.js';

function termText(m: Module, t: Term): string {
  return m.source.slice(t.loc.offset, t.loc.endOffset) || 'msg';
}

/** `deny[msg]`, `deny.x`: the head as written, from its parts (long keys abbreviated). */
function headText(m: Module, root: string, path: readonly Term[]): string {
  let out = root;
  for (const t of path) {
    if (t.type === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.value)) out += `.${t.value}`;
    else {
      const text = termText(m, t);
      out += `[${text.length <= 40 ? text : '…'}]`;
    }
  }
  return out;
}

/** `deny[msg]`, `warn.x`, `deny(x)`…: rules named like checks that the scanner would not take. */
export function ruleShapeProblems(modules: readonly Module[], stdlibFiles: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of modules) {
    if (stdlibFiles.has(m.file)) continue;
    for (const rule of m.rules) {
      const ref = rule.head.ref;
      const root = ref.type === 'var' ? ref.name : ref.head.type === 'var' ? ref.head.name : undefined;
      if (root === undefined || !RULE_NAME.test(root)) continue;
      let why: string | undefined;
      if (rule.head.args) why = `"${root}" is a function here, so the scanner cannot run it as a check; rename it, or make it a set: "${root} contains msg if { … }"`;
      else if (ref.type === 'ref') {
        const head = headText(m, root, ref.path);
        const key = ref.path.length === 1 && ref.path[0]!.type !== 'string' ? termText(m, ref.path[0]!) : 'msg';
        why = ref.path[0]?.type === 'string'
          ? `"${head}" nests a rule under "${root}", which the scanner does not read as a check; write "${root} contains msg if { … }"`
          : `"${head}" defines an object in Rego v1 ("${head} if" is Rego v0 syntax for a set), so the scanner takes no findings from it; ` +
          `write "${root} contains ${key} if { … }"`;
      }
      if (!why) continue;
      const d: Diagnostic = { code: ErrorCodes.input, message: `policy rule ${why}` };
      if (rule.head.loc.row > 0) d.location = { ...rule.head.loc, file: m.file };
      out.push(d);
    }
  }
  return out;
}

export interface NamespaceSelection {
  namespaces?: readonly string[];
  allNamespaces?: boolean;
}

/**
 * The error when user policies were given but none of them is selected: names the namespaces
 * asked for and those found. `userPolicyFiles` lists the user's files; `requireRules`: they are
 * the only policies, so defining no check at all is an error too.
 */
export function selectionProblem(
  discovered: readonly Policy[],
  selected: readonly Policy[],
  userPolicyFiles: readonly string[],
  sel: NamespaceSelection,
  requireRules: boolean,
): Diagnostic | undefined {
  if (userPolicyFiles.length === 0) return undefined;
  const user = discovered.filter((p) => !p.stdlib);
  if (user.length === 0) {
    if (!requireRules) return undefined;
    const files = userPolicyFiles.length > 3 ? `${userPolicyFiles.slice(0, 3).join(', ')} and ${userPolicyFiles.length - 3} more` : userPolicyFiles.join(', ');
    return { code: ErrorCodes.input, message: `no policies: ${files} define${userPolicyFiles.length === 1 ? 's' : ''} no deny, warn or violation rules (e.g. "deny contains msg if { … }")` };
  }
  if (selected.some((p) => !p.stdlib)) return undefined;
  const explicit = sel.namespaces && sel.namespaces.length > 0 ? sel.namespaces : undefined;
  // `--stdlib -n 'palisade.kubernetes.*'` selects standard-library packages on purpose.
  if (explicit && selected.some((p) => p.stdlib)) return undefined;
  const asked = (explicit ?? ['main']).map((n) => `"${n}"`).join(', ');
  const found = [...new Set(user.map((p) => p.namespace))];
  const shown = found.length > 10 ? `${found.slice(0, 10).join(', ')} and ${found.length - 10} more` : found.join(', ');
  return {
    code: ErrorCodes.input,
    message: `no policy package matches namespace ${asked}${explicit ? '' : ' (the default)'}; the policies define ${shown}: pass --namespace ${found[0]} (repeatable, globs) or --all-namespaces`,
  };
}
