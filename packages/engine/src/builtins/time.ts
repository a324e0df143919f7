import type { BuiltinDecl } from './define.js';

export const timeBuiltins: BuiltinDecl[] = [];
