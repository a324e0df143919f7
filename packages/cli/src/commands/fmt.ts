import { realpathSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-write.js';
import { ErrorCodes, formatSource, type Diagnostic } from '@palisade/engine';
import { EXIT, defineCommand } from '../command.js';
import { printDiagnostics } from '../diagnostics.js';
import { unifiedDiff } from '../toolchain/diff.js';
import { readStreamBounded } from '../read-input.js';
import { findFiles, printSkipped, readText } from '../toolchain/files.js';
import { REGO_VERSION_OPTIONS, regoVersionOf } from '../rego-version.js';
import type { CommandIO } from '../command.js';
import type { RegoVersion } from '@palisade/engine';

/**
 * The formatter writes Rego v1 only: `--v0-v1` reads v0 and writes v1. Formatting v0 as v0
 * (`opa fmt --v0-compatible`) is not offered, so that combination is refused rather than
 * silently turned into v1.
 */
function fmtRegoVersion(opts: Record<string, unknown>, io: CommandIO): RegoVersion | undefined {
  const asked = regoVersionOf(opts, io);
  if (!asked) return undefined;
  if (opts['v0V1'] === true) return 'v0';
  if (asked === 'v0') {
    io.stderr.write('error: fmt writes Rego v1 only: use --v0-v1 to rewrite v0 files to v1\n');
    return undefined;
  }
  return 'v1';
}

export const fmtCommand = defineCommand({
  name: 'fmt',
  args: '[paths...]',
  summary: 'Format Rego files in the canonical (OPA) style',
  examples: [
    'palisade fmt policy/deny.rego            # print the formatted file',
    'palisade fmt -w policy/                  # rewrite files in place',
    'palisade fmt --check policy/             # CI: exit 1 when a file is not formatted',
    'palisade fmt -d policy/                  # show what would change as a diff',
    'cat deny.rego | palisade fmt             # format stdin',
  ],
  options: [
    { flags: '-w, --write', description: 'write the result back to the files (only those that change)' },
    { flags: '-l, --list', description: 'list the files whose formatting differs' },
    { flags: '-d, --diff', description: 'print a unified diff of the changes' },
    { flags: '--check', description: 'exit 1 when any file would change (writes nothing)' },
    { flags: '--v0-v1', description: 'read the files as Rego v0 and rewrite them to v1 (as opa fmt --v0-v1)' },
    ...REGO_VERSION_OPTIONS,
  ],
  async run(args, opts, io) {
    const write = Boolean(opts.write);
    const list = Boolean(opts.list);
    const diff = Boolean(opts.diff);
    const check = Boolean(opts.check);
    const regoVersion = fmtRegoVersion(opts, io);
    if (!regoVersion) return EXIT.error;
    if (args.length === 0 && !(io.stdin.isTTY ?? false) && !write) {
      const read = await readStreamBounded(io.stdin);
      if (read.error) return printDiagnostics([{ code: ErrorCodes.input, message: `stdin: ${read.error.message}` }], io);
      const input = read.text;
      const res = formatSource('stdin', input, { regoVersion });
      if (!res.text) return printDiagnostics(res.errors, io);
      if (diff) io.stdout.write(unifiedDiff(input, res.text, 'stdin', 'stdin'));
      if (!check && !list && !diff) io.stdout.write(res.text);
      if (list && res.changed) io.stdout.write('stdin\n');
      return check && res.changed ? EXIT.findings : EXIT.ok;
    }
    const found = findFiles(args, io.cwd, { withData: false });
    printSkipped(found, io);
    const errors: Diagnostic[] = [...found.errors];
    let changedCount = 0;
    for (const f of found.rego) {
      const { text, error } = readText(f);
      if (error) {
        errors.push(error);
        continue;
      }
      const res = formatSource(f.name, text!, { regoVersion });
      if (!res.text) {
        errors.push(...res.errors);
        continue;
      }
      if (res.changed) changedCount++;
      if (list && res.changed) io.stdout.write(f.name + '\n');
      if (diff && res.changed) io.stdout.write(unifiedDiff(text!, res.text, `a/${f.name}`, `b/${f.name}`));
      if (write && res.changed && !check) {
        try {
          // Through a symlink the target is rewritten (the link stays), atomically so an
          // interrupted run never leaves a half-written policy.
          const target = realpathSync(f.path);
          writeFileAtomic(target, res.text, statSync(target).mode & 0o7777);
        } catch (e) {
          errors.push({ code: 'palisade_input_error', message: `${f.name}: cannot write file: ${(e as Error).message}` });
        }
      }
      if (!write && !list && !diff && !check) io.stdout.write(res.text);
    }
    if (errors.length) return printDiagnostics(errors, io);
    if (check && changedCount > 0) {
      io.stderr.write(`${changedCount} file${changedCount === 1 ? '' : 's'} would be reformatted (run \`palisade fmt -w\`)\n`);
      return EXIT.findings;
    }
    return EXIT.ok;
  },
});
