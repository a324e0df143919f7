/**
 * Fuzz inputs: real files (the stdlib's policies, the loader and scan fixtures) mutated by random
 * edits drawn from each format's own tokens, plus nesting bombs and raw random text. Mutating real
 * files reaches deep into the parsers (a random string rarely gets past the first token).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const ROOT = join(import.meta.dirname, '../..');

function filesUnder(dir: string, keep: (name: string) => boolean, limit = 400): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (keep(name) && out.length < limit) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** Seed texts per input format (read once, from the repository). */
/** Seeds of the formats whose loaders have no fixture files: small, but covering each syntax. */
const CONFIG_SEEDS = {
  groovy: [
    "@Library('lib') _\nimport a.b.C\ndef f(String x, int n = 2) {\n  for (i in 1..n) { if (x == 'a' && !p) { return true } else { echo \"$i ${x}\" } }\n  return false\n}\n",
    "pipeline {\n  agent { label 'linux' }\n  environment { X = credentials('c') }\n  stages {\n    stage('Build') {\n      steps {\n        sh 'make'\n        sh \"\"\"\n          echo ${env.X} | tee /x\n        \"\"\"\n        sh $/curl | bash/$\n        script { def m = [a: 1, b: [1, 2]]; m.each { k, v -> println k } }\n        timeout(time: 1, unit: 'HOURS') { input message: 'ok?' }\n      }\n    }\n  }\n  post { always { junit '**/*.xml' } }\n}\n",
    "node {\n  try { sh(script: 'x', returnStdout: true).trim() } catch (Exception e) { throw e } finally { cleanWs() }\n  def r = /a+b/\n  x = y ?: z ? 1 : 2.5e3\n}\n",
  ],
  cue: [
    'package k8s\n// c\napiVersion: "apps/v1"\nmetadata: name: "web"\nspec: {\n\treplicas: 3, paused: false\n\tports: [{containerPort: 8080}, {\n\t\tcontainerPort: 0x1f\n\t}]\n\tnote: null\n\tmem: 1Ki\n\ttext: """\n\t\tline\n\t\t"""\n}\nmetadata: labels: app: "web"\n',
    '[1, "two", {a: true}]\n',
  ],
  jsonnet: [
    "local base = {x: 1, y: self.x * 2, h:: 3};\n{\n  a: base + {x: 10},\n  b: [x * 2 for x in std.range(1, 5) if x != 2],\n  c: {[k]: std.length(k) for k in ['a', 'bb']},\n  d: 'v=%(x)0.2f' % {x: 1.5} + '%d-%g' % [3, 0.5],\n  e: |||\n    text\n  |||,\n  f(n=1):: n + super.x,\n  g: if 1 < 2 then \"y\" else error 'no',\n  h: std.join(',', std.map(function(x) std.toString(x), [1, 2]))[1:],\n}\n",
  ],
};

export function seeds(): Record<'rego' | 'dockerfile' | 'yaml' | 'json' | 'compose' | 'groovy' | 'cue' | 'jsonnet', string[]> {
  const fixtures = join(ROOT, 'test/fixtures/scan');
  const all = filesUnder(fixtures, () => true);
  const named = (re: RegExp) => filesUnder(fixtures, (n) => re.test(n));
  return {
    rego: filesUnder(join(ROOT, 'packages/stdlib/policies'), (n) => n.endsWith('.rego'), 80),
    dockerfile: [...filesUnder(join(ROOT, 'packages/stdlib/src/loaders/__fixtures__/dockerfile'), (n) => n.endsWith('.Dockerfile')), ...named(/^Dockerfile$/)],
    yaml: named(/\.ya?ml$/),
    json: [...named(/\.json$/), JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })],
    compose: named(/compose\.ya?ml$/).concat(all.filter((t) => /^services:/m.test(t))),
    ...CONFIG_SEEDS,
  };
}

/** Characters and fragments that matter to each format, used as inserted text. */
export const TOKENS = {
  rego: ['{', '}', '[', ']', '(', ')', ':=', '=', '==', ' if ', ' contains ', ' some ', ' every ', ' in ', ' not ', ' with ', ' as ', ' else ', 'import ', 'package ', 'default ', '"', '`', '#', '\n', '\t', '.', ',', ';', '|', '_', 'x', 'input', 'data', '0', '1e309', '-', '"\\u00', '# METADATA\n# title: t\n', '# scope: rule\n', 'rego.v1', 'future.keywords', '\u0000', '\ufeff', '\r\n'],
  dockerfile: ['FROM ', 'RUN ', 'COPY ', 'ADD ', 'ENV ', 'ARG ', 'USER ', 'HEALTHCHECK ', 'ONBUILD ', 'CMD ', 'ENTRYPOINT ', 'SHELL ', 'LABEL ', 'EXPOSE ', 'WORKDIR ', '\\\n', '\\', '\n', ' && ', ' | ', ';', '"', "'", '[', ']', '$', '${', '}', '#', '# syntax=docker/dockerfile:1\n', '# escape=`\n', '`', '<<EOF\n', 'EOF\n', '--mount=type=cache,target=/x ', '--from=', ' AS ', '=', '\r\n', '\t', '\u0000'],
  yaml: [':', ': ', '- ', '-', '\n', '  ', '    ', '\t', '{', '}', '[', ']', ',', '&a ', '*a', '<<: *a\n', '!!str ', '!!binary ', '!tag ', '? ', '|', '>', '"', "'", '#', '---\n', '...\n', '%YAML 1.1\n', '~', 'null', 'yes', '0o17', '0x1f', '1e999', '-.inf', '2001-12-14t21:59:43.10-05:00', 'apiVersion: v1\n', 'kind: Pod\n', '\u0000', '\ufeff', '\r\n'],
  json: ['{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '\\ud800', 'null', 'true', '-0', '1e309', '123456789012345678901234567890', ' ', '\n', '"__proto__"', '"constructor"', '\u0000', '\ufeff'],
  groovy: ['{', '}', '(', ')', '"', "'", '"""', '$', '${', '/', '$/', '/$', '\n', ':', ',', '->', 'def ', 'if ', 'else ', '@', '\\', '.', '?', '[', ']', 'class ', '//', '/*', '*/', '.5', '0x'],
  cue: ['{', '}', '[', ']', ':', ',', '"', '"""', '\n', '#', '_', '?', '!', '|', '&', '*', '...', '\\(', '1Ki', '0x', '-', '//', 'package ', 'import ', '\t'],
  jsonnet: ['{', '}', '[', ']', '(', ')', ':', '::', '+:', ',', '"', "'", '|||\n  ', '|||', '\n', 'self', 'super', '$', 'local x = 1; ', 'function(x) ', 'if ', 'then ', 'else ', 'for x in ', 'std.', '%', '%(', '\\', '.', '[::', 'error ', 'assert ', 'import ', '@"'],
  compose: ['services:\n', '  web:\n', '    image: ', '    build: .\n', '    ports:\n', '      - ', '"8080:80"', '    privileged: true\n', '    volumes:\n', '/var/run/docker.sock:/var/run/docker.sock', 'x-defaults: &d\n', '<<: *d\n', 'version: "2"\n', ':', '- ', '\n', '  ', '{', '}', '[', ']', '"', '#', '---\n', '\u0000'],
};

type Edit = { at: number; del: number; text: string };

function applyEdits(seed: string, edits: Edit[]): string {
  let s = seed;
  for (const e of edits) {
    const at = s.length === 0 ? 0 : e.at % (s.length + 1);
    s = s.slice(0, at) + e.text + s.slice(at + Math.min(e.del, 64));
  }
  return s;
}

/** A seed text with a few random edits, each inserting format tokens, random text, or a slice of the text itself. */
export function mutated(seedTexts: readonly string[], tokens: readonly string[]): fc.Arbitrary<string> {
  const insert = fc.oneof(
    { weight: 5, arbitrary: fc.array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 6 }).map((t) => t.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constant('') },
  );
  const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 80 }), text: insert });
  return fc
    .tuple(fc.constantFrom(...seedTexts), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat({ max: 3 }))
    .map(([seed, edits, cut, dup]) => {
      let s = applyEdits(seed, edits);
      // Sometimes repeat a slice of the text (long lines, repeated blocks, deep continuations).
      if (dup > 0 && s.length > 0) {
        const from = cut % s.length;
        const piece = s.slice(from, from + 200);
        s = s.slice(0, from) + piece.repeat(dup * 20) + s.slice(from);
      }
      return s;
    });
}

/** Deeply nested or very long inputs: the shapes that exhaust stacks and expose quadratic paths. */
export function bombs(kind: 'rego' | 'dockerfile' | 'yaml' | 'json' | 'groovy' | 'cue' | 'jsonnet'): fc.Arbitrary<string> {
  const depth = fc.integer({ min: 1, max: 20_000 });
  switch (kind) {
    case 'rego':
      return fc.oneof(
        depth.map((n) => `package p\n\nx := ${'['.repeat(n)}1${']'.repeat(n)}\n`),
        depth.map((n) => `package p\n\nx := ${'('.repeat(n)}1${')'.repeat(n)}\n`),
        depth.map((n) => `package p\n\nx := ${'1 + '.repeat(n)}1\n`),
        depth.map((n) => `package p\n\nx if {\n${'\tnot '.repeat(Math.min(n, 5000))}input.a\n}\n`),
        depth.map((n) => `package p\n\nx := {${'"a": {'.repeat(n)}${'}'.repeat(n)}}\n`),
      );
    case 'dockerfile':
      return fc.oneof(
        depth.map((n) => `FROM alpine\nRUN echo a ${'\\\n && echo b '.repeat(n)}\n`),
        depth.map((n) => `FROM alpine\nRUN ${'['.repeat(n)}\n`),
        depth.map((n) => `FROM alpine\n${'ARG A=${B:-'.repeat(Math.min(n, 3000))}x${'}'.repeat(Math.min(n, 3000))}\n`),
      );
    case 'yaml':
      return fc.oneof(
        depth.map((n) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`),
        depth.map((n) => `a: ${'{b: '.repeat(n)}1${'}'.repeat(n)}\n`),
        fc.integer({ min: 1, max: 2000 }).map((n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:\n`).join('')),
        fc.integer({ min: 1, max: 2000 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- `).join('\n') + 'x\n'),
      );
    case 'json':
      return fc.oneof(
        depth.map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
        depth.map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
      );
    case 'groovy':
      return fc.oneof(
        depth.map((n) => `node ${'{ a '.repeat(n)}${'}'.repeat(n)}\n`),
        depth.map((n) => `x = ${'('.repeat(n)}1${')'.repeat(n)}\n`),
        depth.map((n) => `sh "${'$a'.repeat(n)}${'${'.repeat(Math.min(n, 2000))}"\n`),
      );
    case 'cue':
      return fc.oneof(
        depth.map((n) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`),
        depth.map((n) => `${'a: '.repeat(n)}1\n`),
      );
    case 'jsonnet':
      return fc.oneof(
        depth.map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
        depth.map((n) => `${'-'.repeat(n)}1`),
        depth.map((n) => `local f(x) = ${'f('.repeat(Math.min(n, 300))}x${')'.repeat(Math.min(n, 300))}; f(1)`),
        depth.map((n) => `std.range(1, ${n * 1000})`),
      );
  }
}

/** Arbitrary text: printable, binary, and format tokens joined at random. */
export function noise(tokens: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((t) => t.join('')),
  );
}
