import type { BuiltinDecl } from './define.js';

export const setsBuiltins: BuiltinDecl[] = [];
