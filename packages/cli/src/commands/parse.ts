import { readFileSync } from 'node:fs';
import { parseModule } from '@palisade/engine';
import { loaders, loadFile, type DocumentKind } from '@palisade/stdlib';
import { EXIT, type CliCommand } from '../command.js';
import { printDiagnostics } from '../diagnostics.js';

const jsonText = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x), 2);

export const parseCommand: CliCommand = {
  name: 'parse',
  args: '<file>',
  summary: 'Print the AST of a Rego module, or the document(s) a loader makes of an input file, as JSON',
  examples: [
    'palisade parse policy/main.rego',
    'palisade parse Dockerfile',
    'palisade parse --dockerfile-shape conftest Dockerfile',
    'palisade parse --parser kubernetes rendered.txt',
  ],
  options: [
    { flags: '--parser <kind>', description: `input kind: rego, ${loaders.DOCUMENT_KINDS.join(', ')} (default: by file name, then content)` },
    { flags: '--dockerfile-shape <shape>', description: 'Dockerfile document shape: trivy (default) or conftest' },
  ],
  async run(args, opts, io) {
    const file = args[0];
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      io.stderr.write(`error: cannot read ${file}: ${(e as Error).message}\n`);
      return EXIT.error;
    }
    const parser = opts.parser as string | undefined;
    if (parser === 'rego' || (!parser && file.endsWith('.rego'))) {
      const { module, errors } = parseModule(file, text);
      if (!module || errors.length) return printDiagnostics(errors, io);
      const { source: _source, ...rest } = module;
      void _source;
      io.stdout.write(jsonText(rest) + '\n');
      return EXIT.ok;
    }
    if (parser && !loaders.DOCUMENT_KINDS.includes(parser as DocumentKind)) {
      io.stderr.write(`error: unknown parser ${JSON.stringify(parser)}; expected rego or one of ${loaders.DOCUMENT_KINDS.join(', ')}\n`);
      return EXIT.error;
    }
    const shape = (opts.dockerfileShape as string | undefined) ?? 'trivy';
    if (shape !== 'trivy' && shape !== 'conftest') {
      io.stderr.write(`error: unknown Dockerfile shape ${JSON.stringify(shape)}; expected trivy or conftest\n`);
      return EXIT.error;
    }
    const r = loadFile(file, text, parser ? { parser: parser as DocumentKind } : {});
    for (const e of r.errors) io.stderr.write(`${e.path}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}: ${e.code}: ${e.message}\n`);
    if (r.errors.length) return EXIT.error;
    const docs = r.documents.map((d) => ({
      kind: d.kind,
      path: d.path,
      index: d.index,
      startLine: d.range.startLine,
      endLine: d.range.endLine,
      value: d.kind === 'dockerfile' && shape === 'conftest' ? loaders.dockerfileConftestInput(d) : d.value,
    }));
    io.stdout.write(jsonText(docs) + '\n');
    return EXIT.ok;
  },
};
