import { codeFrame, type Diagnostic, type Engine } from '@palisade/engine';
import { EXIT, type CommandIO } from './command.js';

/** Prints diagnostics OPA-style with a code frame; returns the error exit code. */
export function printDiagnostics(diags: Diagnostic[], io: CommandIO, engine?: Engine): number {
  const sources = new Map<string, string>();
  for (const m of engine?.modules() ?? []) sources.set(m.file, m.source);
  io.stderr.write(`${diags.length} error${diags.length === 1 ? '' : 's'} occurred:\n`);
  for (const d of diags) {
    const loc = d.location;
    const where = loc && loc.row > 0 ? `${loc.file}:${loc.row}:${loc.col}: ` : '';
    io.stderr.write(`${where}${d.code}: ${d.message}\n`);
    const frame = d.frame ?? (loc && sources.has(loc.file) ? codeFrame(sources.get(loc.file)!, loc) : '');
    if (frame) io.stderr.write(frame + '\n');
  }
  return EXIT.error;
}
