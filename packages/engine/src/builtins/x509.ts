import type { BuiltinDecl } from './define.js';

export const x509Builtins: BuiltinDecl[] = [];
