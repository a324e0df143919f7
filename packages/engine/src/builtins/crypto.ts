import type { BuiltinDecl } from './define.js';

export const cryptoBuiltins: BuiltinDecl[] = [];
