import type { BuiltinDecl } from './define.js';

export const netBuiltins: BuiltinDecl[] = [];
