import { Engine, annotationObject, rulePath, type AnnotationEntry, type Module, type Rule } from '@palisade/engine';
import { stdlibBuiltins } from '@palisade/stdlib';
import { EXIT, textOrJson, defineCommand, type CommandIO } from '../command.js';
import { printDiagnostics } from '../diagnostics.js';
import { findFiles, printSkipped, loadInto } from '../toolchain/files.js';

type Kind = 'complete' | 'partial set' | 'partial object' | 'function';

function kindOf(r: Rule): Kind {
  if (r.head.args) return 'function';
  const varSeg = r.head.ref.type === 'ref' && r.head.ref.path.some((p) => p.type !== 'string');
  if (r.head.contains) return varSeg ? 'partial object' : 'partial set';
  return varSeg ? 'partial object' : 'complete';
}

interface RuleInfo {
  path: string;
  kind: Kind;
  locations: string[];
  default: boolean;
  annotations: Record<string, unknown>[];
}

interface PackageInfo {
  path: string;
  files: string[];
  annotations: Record<string, unknown>[];
}

function collect(modules: Module[], entries: AnnotationEntry[]) {
  const packages = new Map<string, PackageInfo>();
  const rules = new Map<string, RuleInfo>();
  for (const m of modules) {
    const pkg = 'data.' + m.package.path.path.map((t) => (t.type === 'string' ? t.value : '?')).join('.');
    const p = packages.get(pkg) ?? { path: pkg, files: [], annotations: [] };
    p.files.push(m.file);
    packages.set(pkg, p);
    for (const r of m.rules) {
      const path = 'data.' + rulePath(m, r).join('.');
      const info = rules.get(path) ?? { path, kind: kindOf(r), locations: [], default: false, annotations: [] };
      info.locations.push(`${m.file}:${r.loc.row}`);
      if (r.default) info.default = true;
      rules.set(path, info);
    }
  }
  for (const e of entries) {
    const obj = { ...annotationObject(e.fields), location: `${e.loc.file}:${e.loc.row}` };
    const path = 'data.' + e.path.join('.');
    if (e.target?.kind === 'package') packages.get(path)?.annotations.push(obj);
    else rules.get(path)?.annotations.push(obj);
  }
  const entrypoints = entries.filter((e) => e.fields.entrypoint).map((e) => 'data.' + e.path.join('.'));
  const byPath = <T extends { path: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { packages: byPath(packages.values()), rules: byPath(rules.values()), entrypoints: [...new Set(entrypoints)].sort() };
}

function printText(info: ReturnType<typeof collect>, io: CommandIO): void {
  const w = (s: string) => io.stdout.write(s + '\n');
  const annot = (a: Record<string, unknown>, ind: string) => {
    const { location, scope, ...rest } = a;
    w(`${ind}# ${String(scope)} annotation (${String(location)})`);
    for (const [k, v] of Object.entries(rest)) w(`${ind}${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  };
  w('PACKAGES');
  for (const p of info.packages) {
    w(`  ${p.path}  (${p.files.join(', ')})`);
    for (const a of p.annotations) annot(a, '      ');
  }
  w('');
  w('RULES');
  const width = Math.min(60, Math.max(...info.rules.map((r) => r.path.length), 4));
  for (const r of info.rules) {
    w(`  ${r.path.padEnd(width)}  ${(r.kind + (r.default ? ', default' : '')).padEnd(24)}  ${r.locations.join(', ')}`);
    for (const a of r.annotations) annot(a, '      ');
  }
  w('');
  w('ENTRYPOINTS');
  if (!info.entrypoints.length) w('  (none: mark a rule or package with `entrypoint: true` in its METADATA)');
  for (const e of info.entrypoints) w(`  ${e}`);
}

export const inspectCommand = defineCommand({
  name: 'inspect',
  args: '[paths...]',
  summary: 'List packages, rules, entrypoints and METADATA annotations of Rego files',
  examples: ['palisade inspect policy/', 'palisade inspect --format json packages/stdlib/policies | jq ".rules[].path"'],
  options: [{ flags: '-f, --format <format>', description: 'output format: text or json', default: 'text' }],
  async run(args, opts, io) {
    const format = textOrJson(opts, io);
    if (!format) return EXIT.error;
    const found = findFiles(args, io.cwd, { withData: false });
    printSkipped(found, io);
    const engine = new Engine({ builtins: stdlibBuiltins });
    const errors = loadInto(engine, found);
    const annotations = engine.annotations();
    errors.push(...annotations.errors);
    if (errors.length) return printDiagnostics(errors, io, engine);
    const info = collect(engine.modules(), annotations.entries);
    if (format === 'json') io.stdout.write(JSON.stringify(info, null, 2) + '\n');
    else printText(info, io);
    return EXIT.ok;
  },
});
