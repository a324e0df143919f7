import type { BuiltinDecl } from './define.js';

export const typesBuiltins: BuiltinDecl[] = [];
