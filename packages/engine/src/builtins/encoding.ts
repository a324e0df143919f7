import type { BuiltinDecl } from './define.js';

export const encodingBuiltins: BuiltinDecl[] = [];
