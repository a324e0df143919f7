import type { BuiltinDecl } from './define.js';

export const stringsBuiltins: BuiltinDecl[] = [];
