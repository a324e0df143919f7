import type { BuiltinDecl } from './define.js';

export const semverBuiltins: BuiltinDecl[] = [];
