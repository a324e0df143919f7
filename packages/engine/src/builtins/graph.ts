import type { BuiltinDecl } from './define.js';

export const graphBuiltins: BuiltinDecl[] = [];
