import { resolve } from 'node:path';
import { parseModule } from '@palisade/engine';
import { combinedInput, loaders, loadFile, type DocumentKind, type InputDocument } from '@palisade/stdlib';
import { protoDirsOf, readProtoFiles } from '../proto-files.js';
import { EXIT, defineCommand, type CommandIO } from '../command.js';
import { printDiagnostics } from '../diagnostics.js';
import { readInputFile, readStreamBounded } from '../read-input.js';
import { sanitizeName } from '../reporters/ansi.js';

const jsonText = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x), 2);

/** A loaded document as conftest's `parse` prints it: Dockerfiles and .dockerignore files in conftest's shapes. */
function conftestValue(d: InputDocument, shape: string): unknown {
  if (d.kind === 'dockerfile') return shape === 'trivy' ? d.value : loaders.dockerfileConftestInput(d);
  if (d.kind === 'dockerignore') return shape === 'trivy' ? d.value : loaders.dockerignoreConftestInput(d);
  return d.value;
}

async function readInput(file: string, io: CommandIO): Promise<string | undefined> {
  const r = file === '-' ? await readStreamBounded(io.stdin) : readInputFile(resolve(io.cwd, file));
  if (r.error) io.stderr.write(`error: cannot read ${sanitizeName(file)}: ${r.error.message}\n`);
  return r.text;
}

export const parseCommand = defineCommand({
  name: 'parse',
  args: '<files...>',
  summary: 'Print the AST of a Rego module, or the document(s) a loader makes of input files, as JSON',
  examples: [
    'palisade parse policy/main.rego',
    'palisade parse Dockerfile',
    'palisade parse --dockerfile-shape conftest Dockerfile',
    'palisade parse --parser kubernetes rendered.txt',
    'palisade parse --values deploy.yaml | jq .kind          # conftest parse deploy.yaml',
    'palisade parse --combine team.yaml users.yaml            # conftest parse --combine …',
    'cat grafana.ini | palisade parse --parser ini --values -',
  ],
  options: [
    { flags: '--parser <kind>', description: `input kind: rego, ${loaders.DOCUMENT_KINDS.join(', ')} (default: by file name, then content)` },
    { flags: '--dockerfile-shape <shape>', description: 'Dockerfile document shape: trivy (default) or conftest (the default with --values)' },
    { flags: '--values', description: "print only the values, as conftest parse: one file's value, or an object keyed by path for several" },
    { flags: '--combine', description: "print the combined input policies get with scan --combine, [{path, contents}] (implies --values)" },
    { flags: '--proto-file-dirs <dirs>', description: 'directories of .proto files for textproto inputs (repeatable, comma-separated)', repeatable: true },
  ],
  async run(args, opts, io) {
    const parser = opts.parser;
    const values = opts.values === true || opts.combine === true;
    if (args.length === 1 && (parser === 'rego' || (!parser && args[0]!.endsWith('.rego')))) {
      const text = await readInput(args[0]!, io);
      if (text === undefined) return EXIT.error;
      const { module, errors } = parseModule(args[0]!, text);
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
    const shape = opts.dockerfileShape ?? (values ? 'conftest' : 'trivy');
    if (shape !== 'trivy' && shape !== 'conftest') {
      io.stderr.write(`error: unknown Dockerfile shape ${JSON.stringify(shape)}; expected trivy or conftest\n`);
      return EXIT.error;
    }
    const protoDirs = protoDirsOf(opts.protoFileDirs);
    const protos = protoDirs.length ? readProtoFiles(protoDirs, io.cwd) : { files: [], errors: [] };
    for (const e of protos.errors) io.stderr.write(`error: ${e}\n`);
    if (protos.errors.length) return EXIT.error;
    const loadOptions = { ...(parser ? { parser: parser as DocumentKind } : {}), ...(protos.files.length ? { protoFiles: protos.files } : {}) };
    let failed = false;
    const loaded: { path: string; docs: InputDocument[] }[] = [];
    for (const file of args) {
      const text = await readInput(file, io);
      if (text === undefined) {
        failed = true;
        continue;
      }
      const r = loadFile(file === '-' ? 'stdin' : file, text, loadOptions);
      for (const e of r.errors) io.stderr.write(`${e.path}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}: ${e.code}: ${e.message}\n`);
      if (r.errors.length) failed = true;
      else loaded.push({ path: file, docs: r.documents });
    }
    // Like conftest, one unreadable or malformed file fails the whole command (nothing is printed).
    if (failed) return EXIT.error;
    if (opts.combine === true) {
      const all = loaded.flatMap((f) => f.docs.map((d) => ({ ...d, path: f.path })));
      const combined = combinedInput(all, shape === 'trivy').sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      io.stdout.write(jsonText(combined) + '\n');
      return EXIT.ok;
    }
    if (values) {
      const valueOf = (docs: InputDocument[]) => (docs.length === 1 ? conftestValue(docs[0]!, shape) : docs.map((d) => conftestValue(d, shape)));
      if (loaded.length === 1) io.stdout.write(jsonText(valueOf(loaded[0]!.docs)) + '\n');
      else io.stdout.write(jsonText(Object.fromEntries(loaded.map((f) => [f.path, valueOf(f.docs)]))) + '\n');
      return EXIT.ok;
    }
    const docs = loaded.flatMap((f) =>
      f.docs.map((d) => ({
        kind: d.kind,
        path: d.path,
        index: d.index,
        startLine: d.range.startLine,
        endLine: d.range.endLine,
        value: d.kind === 'dockerfile' && shape === 'conftest' ? loaders.dockerfileConftestInput(d) : d.value,
      })),
    );
    io.stdout.write(jsonText(docs) + '\n');
    return EXIT.ok;
  },
});
