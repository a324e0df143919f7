import type { BuiltinDecl } from './define.js';

export const numbersBuiltins: BuiltinDecl[] = [];
