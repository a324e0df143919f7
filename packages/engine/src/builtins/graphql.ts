import type { BuiltinDecl } from './define.js';

export const graphqlBuiltins: BuiltinDecl[] = [];
