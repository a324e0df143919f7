import type { BuiltinDecl } from './define.js';

export const randBuiltins: BuiltinDecl[] = [];
