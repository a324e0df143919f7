import type { BuiltinDecl } from './define.js';

export const uuidBuiltins: BuiltinDecl[] = [];
