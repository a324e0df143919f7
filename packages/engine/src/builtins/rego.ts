import type { BuiltinDecl } from './define.js';

export const regoBuiltins: BuiltinDecl[] = [];
