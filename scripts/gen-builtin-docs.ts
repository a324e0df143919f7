/** Regenerates docs/reference/builtins.md from the builtin declarations. */
import { writeFileSync } from 'node:fs';
import { Engine, renderBuiltinReference } from '../packages/engine/src/index.js';

writeFileSync(new URL('../docs/reference/builtins.md', import.meta.url), renderBuiltinReference(new Engine().builtins()) + '\n');
console.log('wrote docs/reference/builtins.md');
