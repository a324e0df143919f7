/**
 * Trivy's custom builtins (trivy-checks `pkg/rego`), with Trivy's results: `sh.parse_commands`,
 * `cidr.count_addresses`, `cidr.is_public`, `squealer.scan_string`, `result.new` and `isManaged`.
 * Not in the default catalog: OPA does not have them, so a policy that calls them fails to
 * compile as it does under `opa`. Engines that run Trivy checks register `trivyBuiltins`
 * (the stdlib and CLI do so for Trivy-style policy sets; see docs/migrating-from-trivy.md).
 */
import { builtinError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { shellCommands } from './sh-commands.js';
import { ShellSyntaxError } from './sh-parse.js';
import { cidrCountAddresses, cidrIsPublic } from './trivy-cidr.js';
import { SQUEALER_RULES } from './squealer-rules.js';
import { tryCompile } from '../regex/regex-engine.js';
import { trivyResult } from './trivy-result.js';
import { objectGet, isObject, type Value } from '../../value/types.js';

function squealerScan(s: string): { transgressionFound: boolean; description: string } {
  for (const [description, rule] of SQUEALER_RULES) {
    const re = tryCompile(rule);
    // squealer logs and drops a rule that does not compile; Go's regexp compiles all of them.
    if (typeof re === 'string') continue;
    if (re.test(s)) return { transgressionFound: true, description };
  }
  return { transgressionFound: false, description: '' };
}

/** Trivy's custom builtins (sh.parse_commands, cidr.*, squealer.scan_string, isManaged…), not in the default catalog: register them with `Engine` options when running Trivy checks. */
export const trivyBuiltins: BuiltinDecl[] = [
  {
    name: 'sh.parse_commands',
    params: [{ name: 'script', type: T.string, description: 'shell text (bash dialect)' }],
    result: T.array(T.array(T.string)),
    category: 'trivy',
    description:
      "Trivy: the simple commands of a shell script, each as its words (as mvdan/sh prints them), in the order mvdan/sh's walk visits them; an error for a script that does not parse.",
    impl(args) {
      const src = argString(args, 0);
      try {
        return shellCommands(src);
      } catch (e) {
        if (e instanceof ShellSyntaxError) throw builtinError(`parse command sequence error: ${e.message}`);
        throw e;
      }
    },
  },
  {
    name: 'cidr.count_addresses',
    params: [{ name: 'cidr', type: T.string, description: 'CIDR, IP address, or `*`/`internet`/`any`' }],
    result: T.number,
    category: 'trivy',
    description: 'Trivy: number of addresses in a CIDR (1 for an IP, 0 when unparsable; 2^64-1 for the wildcards and for networks of 2^63 addresses or more).',
    impl(args) {
      return cidrCountAddresses(argString(args, 0));
    },
  },
  {
    name: 'cidr.is_public',
    params: [{ name: 'cidr', type: T.string, description: 'CIDR, IP address, range `a-b`, or `*`/`internet`/`any`' }],
    result: T.boolean,
    category: 'trivy',
    description: 'Trivy: whether an address, range or CIDR reaches outside the private, loopback, link-local and shared ranges.',
    impl(args) {
      return cidrIsPublic(argString(args, 0));
    },
  },
  {
    name: 'squealer.scan_string',
    params: [{ name: 's', type: T.string, description: 'text to scan for secrets' }],
    result: T.object(T.string, T.any),
    category: 'trivy',
    description: "Trivy: squealer's secret scan of a string, `{\"transgressionFound\": bool, \"description\": string}` (the first matching rule's description).",
    impl(args) {
      const r = squealerScan(argString(args, 0));
      const o = Object.create(null) as Record<string, Value>;
      o.description = r.description;
      o.transgressionFound = r.transgressionFound;
      return o;
    },
  },
  {
    name: 'result.new',
    params: [
      { name: 'msg', type: T.string, description: 'the finding message' },
      { name: 'cause', type: T.any, description: 'the offending input value' },
    ],
    result: T.any,
    category: 'trivy',
    description:
      "Trivy: a finding `{msg, startline, endline, filepath, sourceprefix, explicit, managed, fskey, resource, parent}` whose location fields come from the cause's `__defsec_metadata` (or its own `StartLine`/`EndLine`/`Path`…), so findings about the same lines merge.",
    impl(args) {
      return trivyResult(args[0], args[1]);
    },
  },
  {
    name: 'isManaged',
    params: [{ name: 'resource', type: T.any, description: 'an input value' }],
    result: T.boolean,
    category: 'trivy',
    description: "Trivy: the `managed` flag of a value's metadata (true unless its `__defsec_metadata` or itself says `managed: false`).",
    impl(args) {
      const r = trivyResult('', args[0]);
      return isObject(r) ? (objectGet(r, 'managed') as Value) : true;
    },
  },
];
