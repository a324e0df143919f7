import { Engine, codeFrame, type Diagnostic } from '@palisade/engine';
import { applyTrivyBuiltins, stdlibBuiltins } from '@palisade/stdlib';
import { EXIT, textOrJson, defineCommand } from '../command.js';
import { printDiagnostics } from '../diagnostics.js';
import { findFiles, printSkipped, readText } from '../toolchain/files.js';
import { strictChecks } from '../toolchain/strict.js';
import { REGO_VERSION_OPTIONS, regoVersionOf } from '../rego-version.js';

export const checkCommand = defineCommand({
  name: 'check',
  args: '[paths...]',
  summary: 'Parse and compile Rego files and report every error at once',
  examples: ['palisade check policy/', 'palisade check --strict policy/ lib/', 'palisade check --format json policy/ | jq .errors'],
  options: [
    { flags: '-s, --strict', description: 'also report unused imports, unused local assignments and unknown METADATA keys' },
    { flags: '-f, --format <format>', description: 'output format: text or json', default: 'text' },
    ...REGO_VERSION_OPTIONS,
  ],
  async run(args, opts, io) {
    const format = textOrJson(opts, io);
    if (!format) return EXIT.error;
    const regoVersion = regoVersionOf(opts, io);
    if (!regoVersion) return EXIT.error;
    const found = findFiles(args, io.cwd, { withData: false });
    printSkipped(found, io);
    const engine = new Engine({ builtins: stdlibBuiltins, regoVersion });
    const errors: Diagnostic[] = [...found.errors];
    const sources = new Map<string, string>();
    for (const f of found.rego) {
      const { text, error } = readText(f);
      if (error) {
        errors.push(error);
        continue;
      }
      sources.set(f.name, text!);
      const parseErrors = engine.addModule(f.name, text!);
      // Compile what parses, so one broken file does not hide the errors of the others.
      if (parseErrors.length) {
        errors.push(...parseErrors);
        engine.removeModule(f.name);
      }
    }
    // Trivy's builtins when the files are Trivy checks (auto mode, as `test` and `scan`).
    applyTrivyBuiltins(engine);
    if (engine.modules().length) errors.push(...engine.compile());
    // compile() already reports METADATA errors; only add them when nothing was compiled.
    const annotations = engine.annotations();
    if (!engine.modules().length) errors.push(...annotations.errors);
    if (opts.strict) errors.push(...strictChecks(engine.modules(), annotations));
    for (const d of errors) {
      const src = d.location ? sources.get(d.location.file) : undefined;
      if (!d.frame && src !== undefined && d.location) d.frame = codeFrame(src, d.location);
    }
    if (format === 'json') {
      const out = {
        files: found.rego.length,
        errors: errors.map((d) => ({
          code: d.code,
          message: d.message,
          ...(d.location ? { file: d.location.file, row: d.location.row, col: d.location.col } : {}),
        })),
      };
      io.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return errors.length ? EXIT.error : EXIT.ok;
    }
    if (errors.length) return printDiagnostics(errors, io);
    if (found.rego.length === 0) {
      io.stderr.write('no .rego files found\n');
      return EXIT.ok;
    }
    io.stderr.write(`${found.rego.length} file${found.rego.length === 1 ? '' : 's'} checked, no errors\n`);
    return EXIT.ok;
  },
});
