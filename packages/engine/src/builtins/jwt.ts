import type { BuiltinDecl } from './define.js';

export const jwtBuiltins: BuiltinDecl[] = [];
