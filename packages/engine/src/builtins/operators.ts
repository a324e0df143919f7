import type { BuiltinDecl } from './define.js';

export const operatorsBuiltins: BuiltinDecl[] = [];
