/**
 * `result.new(msg, cause)`: the Trivy-check convention for a located finding. It returns
 * `{"msg": msg, "cause": cause}` holding the cause value itself (no copy), which lets the scanner
 * find its source lines by identity. Registered through the engine's public extension API.
 */
import { T, operandError, type BuiltinDecl } from '@palisade/engine';
import { conftestBuiltins } from './conftest-builtins.js';
import { shellTokensBuiltin } from './shell-tokens.js';

/** The declaration of the `result.new(msg, cause)` builtin. */
export const resultNew: BuiltinDecl = {
  name: 'result.new',
  params: [
    { name: 'msg', type: T.string, description: 'the finding message' },
    { name: 'cause', type: T.any, description: 'the offending input value (used to locate the finding)' },
  ],
  result: T.object(T.string, T.any),
  category: 'palisade',
  description: 'Builds a finding result `{"msg": msg, "cause": cause}`; the scanner locates the cause in the source file.',
  impl(args) {
    const [msg, cause] = args;
    if (typeof msg !== 'string') throw operandError(1, msg, 'string');
    const out = Object.create(null) as Record<string, unknown>;
    out.msg = msg;
    out.cause = cause;
    return out as never;
  },
};

/** Extra builtins the stdlib (and policies written for Trivy or conftest) rely on. */
export const stdlibBuiltins: BuiltinDecl[] = [resultNew, shellTokensBuiltin, ...conftestBuiltins];
