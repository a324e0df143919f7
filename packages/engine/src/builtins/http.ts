import type { BuiltinDecl } from './define.js';

export const httpBuiltins: BuiltinDecl[] = [];
