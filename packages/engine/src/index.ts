/** @palisade/engine — the public surface. Named exports only. */
export { Engine, PreparedQuery } from './api.js';
export type { EngineOptions, EvalOptions, EvalResult, Row } from './api.js';
export { ErrorCodes, PalisadeError, formatDiagnostic } from './errors.js';
export type { Diagnostic, ErrorCode } from './errors.js';
export type { Location } from './syntax/location.js';
export { codeFrame } from './syntax/location.js';
export { parseModule, parseQuery } from './syntax/parse.js';
export type { Module, Rule, Term, Expr, Body } from './syntax/ast.js';
export type { BuiltinDecl, BuiltinContext, BuiltinParam, Capabilities, Platform } from './builtins/define.js';
export { operandError, builtinError } from './builtins/define.js';
export { T, typeText } from './builtins/signature.js';
export type { BType } from './builtins/signature.js';
export { RSet, RObject, compare, equals, typeName } from './value/types.js';
export type { Value, PlainObject, ObjectValue } from './value/types.js';
export { toJSONText, toJSONValue, toRegoText, parseJSONExact, fromJS } from './value/json.js';
export { discoverTests, runTests } from './testing/runner.js';
export type { TestCase, TestResult, TestOptions } from './testing/runner.js';
/** OPA's test-harness builtin `test.sleep` (not in the default catalog; register it explicitly). */
export { testSleepBuiltin } from './builtins/time.js';
export { renderBuiltinReference } from './builtins/reference.js';
