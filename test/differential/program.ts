/**
 * A differential program: the modules, optional input and base data, and one query, exactly what
 * is handed to both engines. Kept as plain JSON so a regression case is a readable file.
 */
export interface ProgramModule {
  file: string;
  source: string;
}

export interface Program {
  modules: ProgramModule[];
  /** Omitted: evaluation without an input document. */
  input?: unknown;
  /** Base `data` (written as data.json for OPA, merged at the root for Palisade). */
  data?: Record<string, unknown>;
  query: string;
}

/** The program as one readable text block (for reports and shrunk-case summaries). */
export function programText(p: Program): string {
  const parts = p.modules.map((m) => `# ${m.file}\n${m.source.trimEnd()}`);
  if (p.data !== undefined) parts.push(`# data\n${JSON.stringify(p.data)}`);
  if (p.input !== undefined) parts.push(`# input\n${JSON.stringify(p.input)}`);
  parts.push(`# query\n${p.query}`);
  return parts.join('\n');
}
