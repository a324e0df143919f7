/** Language-level builtins served by the evaluator host: `opa.runtime`, `rego.metadata.*`. */
import type { BuiltinDecl } from '../define.js';
import { T } from '../signature.js';
import { regoParseModule } from './rego-parse-module.js';

export const regoBuiltins: BuiltinDecl[] = [
  {
    name: 'opa.runtime',
    params: [],
    result: T.object(T.string, T.any),
    category: 'opa',
    nondeterministic: true,
    description: 'Returns runtime information; `env` holds environment variables only when the caller opted in to exposing them.',
    impl: (_args, ctx) => ctx.host.runtime(),
  },
  {
    name: 'rego.metadata.chain',
    params: [],
    result: T.array(T.any),
    category: 'rego',
    description: 'Returns the chain of METADATA annotations from the active rule up to its package, each with its path.',
    impl: (_args, ctx) => ctx.host.metadataChain(),
  },
  {
    name: 'rego.metadata.rule',
    params: [],
    result: T.any,
    category: 'rego',
    description: 'Returns the METADATA annotations of the active rule (an empty object when it has none).',
    impl: (_args, ctx) => ctx.host.metadataRule(),
  },
  regoParseModule,
];
