import type { BuiltinDecl } from './define.js';

export const arraysBuiltins: BuiltinDecl[] = [];
