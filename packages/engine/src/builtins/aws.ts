import type { BuiltinDecl } from './define.js';

export const awsBuiltins: BuiltinDecl[] = [];
