import type { BuiltinDecl } from './define.js';

export const aggregatesBuiltins: BuiltinDecl[] = [];
