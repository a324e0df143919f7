import type { BuiltinDecl } from './define.js';

export const bitsBuiltins: BuiltinDecl[] = [];
