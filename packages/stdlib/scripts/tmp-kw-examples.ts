import { readFileSync } from 'node:fs';
import { createStdlibEngine, loadFile } from '../src/index.js';
const { engine } = createStdlibEngine();
const errs = engine.compile(); if (errs.length) { console.log(errs); process.exit(1); }
const { query } = engine.prepare('x := data.palisade.kubernetes');
for (const f of process.argv.slice(2)) {
  const { documents, errors } = loadFile(f, readFileSync(f, 'utf8'));
  if (errors.length) console.log(errors);
  const inventory = documents.map((d) => ({ path: d.path, kind: d.kind, index: d.index, value: d.value }));
  for (const doc of documents) {
    if (doc.kind !== 'kubernetes') continue;
    const r = query!.evaluate(doc.value, { dataOverrides: [{ path: ['palisade', 'inventory'], value: inventory }, { path: ['palisade', 'document'], value: { path: doc.path, kind: doc.kind, index: doc.index } }] });
    if (r.error) console.log(r.error);
    const pkgs: any = r.rows[0]?.x ?? {};
    console.log(`== ${f}#${doc.index} ${(doc.value as any).kind}/${(doc.value as any).metadata?.name}`);
    for (const [slug, mod] of Object.entries<any>(pkgs)) {
      for (const rule of ['deny', 'warn']) {
        const set = mod?.[rule]; if (!set) continue;
        for (const res of set.values ? set.values() : set) {
          const range = res.cause !== undefined && typeof res.cause === 'object' ? doc.sourceMap.rangeOfValue(res.cause) : undefined;
          console.log(`  ${rule} ${slug}: ${res.msg}  @${range ? range.startLine + '-' + range.endLine : 'NOLOC'}`);
        }
      }
    }
  }
}
