import type { BuiltinDecl } from './define.js';

export const unitsBuiltins: BuiltinDecl[] = [];
