import type { BuiltinDecl } from './define.js';

export const globBuiltins: BuiltinDecl[] = [];
