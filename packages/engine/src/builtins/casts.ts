import type { BuiltinDecl } from './define.js';

export const castsBuiltins: BuiltinDecl[] = [];
