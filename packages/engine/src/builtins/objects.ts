import type { BuiltinDecl } from './define.js';

export const objectsBuiltins: BuiltinDecl[] = [];
