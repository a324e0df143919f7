import type { BuiltinDecl } from './define.js';

export const templateBuiltins: BuiltinDecl[] = [];
