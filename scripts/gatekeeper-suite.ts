/**
 * Measures `palisade serve --gatekeeper` against the Gatekeeper library's own test suites:
 * `npx tsx scripts/gatekeeper-suite.ts <gatekeeper-library checkout>` runs every case of every
 * `library/**\/suite.yaml` (template + constraint + object, an AdmissionReview CREATE; with
 * `oldObject` when the case gives one; a referential template gets the case's `inventory` files as
 * `data.inventory`, as gator does) and checks its assertions (`violations: yes|no|N`, with an
 * optional `message` substring), as gator does. Prints per template what failed and the totals
 * (recorded in docs/admission.md). A measurement tool, not a test: the library is not vendored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fg from 'fast-glob';
import { parseAllDocuments } from 'yaml';
import { loadGatekeeper } from '../packages/cli/src/serve/gatekeeper.js';

interface Assertion { violations?: string | number | boolean; message?: string }
interface Case { name: string; object: string; oldObject?: string; inventory?: string[]; assertions?: Assertion[] }
interface Suite { tests?: { name: string; template: string; constraint: string; cases?: Case[] }[] }

const root = process.argv[2];
if (!root || !existsSync(join(root, 'library'))) {
  console.error('usage: tsx scripts/gatekeeper-suite.ts <gatekeeper-library checkout>');
  process.exit(2);
}
const LIMITS = { timeoutMs: 5000, maxMemoryBytes: 0 };
const totals = { cases: 0, passed: 0, unloadable: 0, templates: 0, templatesLoaded: 0 };
const failures: string[] = [];

function want(a: Assertion, n: number): boolean {
  const v = a.violations;
  if (v === undefined || v === 'yes' || v === true) return v === undefined ? true : n > 0;
  if (v === 'no' || v === false) return n === 0;
  return n === Number(v);
}

for (const file of fg.sync('library/**/suite.yaml', { cwd: root }).sort()) {
  const dir = join(root, dirname(file));
  const suite = parseAllDocuments(readFileSync(join(root, file), 'utf8'))[0]!.toJS() as Suite;
  for (const t of suite.tests ?? []) {
    totals.templates++;
    const cases = t.cases ?? [];
    const referential = /\bdata\.inventory\b/.test(readFileSync(join(dir, t.template), 'utf8'));
    const loaded = loadGatekeeper([join(dir, t.template), join(dir, t.constraint)], dir, referential ? [] : undefined);
    if (!loaded.checks) {
      totals.unloadable += cases.length;
      totals.cases += cases.length;
      failures.push(`${file} ${t.name}: not loaded (${cases.length} cases): ${loaded.errors.map((e) => e.message).join('; ').slice(0, 200)}`);
      continue;
    }
    totals.templatesLoaded++;
    for (const c of cases) {
      totals.cases++;
      // A referential case: its inventory files are the cluster objects (--gatekeeper-inventory).
      const withInventory = referential ? loadGatekeeper([join(dir, t.template), join(dir, t.constraint)], dir, (c.inventory ?? []).map((f) => join(dir, f))) : loaded;
      if (!withInventory.checks) {
        failures.push(`${file} ${t.name}/${c.name}: not loaded with its inventory: ${withInventory.errors.map((e) => e.message).join('; ').slice(0, 200)}`);
        continue;
      }
      const docs = parseAllDocuments(readFileSync(join(dir, c.object), 'utf8')).map((d) => d.toJS()).filter(Boolean);
      const object = docs[0] as Record<string, any>;
      const old = c.oldObject ? (parseAllDocuments(readFileSync(join(dir, c.oldObject), 'utf8'))[0]!.toJS() as Record<string, any>) : undefined;
      const [group, version] = String(object.apiVersion).includes('/') ? String(object.apiVersion).split('/') : ['', String(object.apiVersion)];
      const request = {
        uid: 'suite',
        kind: { group, version, kind: object.kind },
        name: object.metadata?.name,
        namespace: object.kind === 'Namespace' ? undefined : (object.metadata?.namespace ?? 'default'),
        operation: old ? 'UPDATE' : 'CREATE',
        userInfo: { username: 'suite-user' },
        object,
        ...(old ? { oldObject: old } : {}),
      };
      const r = withInventory.checks.evaluate(request as never, LIMITS);
      // Palisade prefixes each message with `[constraint]`; gator matches the policy's own message.
      const msgs = r.violations.map((v) => v.message.replace(/^\[[^\]]*\] /, ''));
      const bad = r.errors.length
        ? [`error: ${r.errors.map((e) => e.message).join('; ').slice(0, 200)}`]
        : (c.assertions ?? []).filter((a) => !want(a, a.message ? msgs.filter((m) => m.includes(a.message!)).length : msgs.length)).map((a) => `expected violations ${a.violations}${a.message ? ` matching "${a.message}"` : ''}, got ${JSON.stringify(msgs).slice(0, 200)}`);
      if (bad.length) failures.push(`${file} ${t.name}/${c.name}: ${bad.join('; ')}`);
      else totals.passed++;
    }
  }
}
for (const f of failures) console.log(f);
console.log(`templates: ${totals.templatesLoaded}/${totals.templates} loaded; cases: ${totals.passed}/${totals.cases} as the suite expects (${totals.unloadable} in templates that do not load)`);
process.exit(failures.length ? 1 : 0);
