import type { BuiltinDecl } from './define.js';

export const jsonschemaBuiltins: BuiltinDecl[] = [];
