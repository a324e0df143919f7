import type { BuiltinDecl } from './define.js';

export const regexBuiltins: BuiltinDecl[] = [];
