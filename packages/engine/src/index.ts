/** @palisade/engine — the public surface. Named exports only. */
export { Engine, PreparedQuery } from './api.js';
export type { EngineOptions, EvalOptions, EvalResult, Row } from './api.js';
export type { AllowedBuiltins } from './compile/state.js';
export { ErrorCodes, PalisadeError, formatDiagnostic } from './errors.js';
export { MAX_YAML_ALIASES } from './limits.js';
export type { Diagnostic, ErrorCode } from './errors.js';
export type { Location } from './syntax/location.js';
export { codeFrame } from './syntax/location.js';
export { parseModule, parseQuery } from './syntax/parse.js';
export type { RegoVersion } from './syntax/parse.js';
export type { Module, Rule, Term, Expr, Body } from './syntax/ast.js';
export type { BuiltinDecl, BuiltinContext, BuiltinParam, Capabilities, Platform, PlatformCallOptions } from './builtins/define.js';
export { operandError, builtinError } from './builtins/define.js';
export { T, typeText } from './builtins/signature.js';
export type { BType } from './builtins/signature.js';
export { RSet, RObject, compare, equals, typeName } from './value/types.js';
export type { Value, PlainObject, ObjectValue } from './value/types.js';
export { toJSONText, toJSONValue, toRegoText, parseJSONExact, fromJS } from './value/json.js';
export { discoverTests, runTests } from './testing/runner.js';
export type { TestCase, TestResult, TestOptions } from './testing/runner.js';
/** OPA's test-harness builtin `test.sleep` (not in the default catalog; register it explicitly). */
export { testSleepBuiltin } from './builtins/time/time.js';
/** Trivy's custom builtins (not in the default catalog; registered for Trivy-style policy sets). */
export { trivyBuiltins } from './builtins/trivy/trivy.js';
export { trivyResultCause } from './builtins/trivy/trivy-result.js';
export { renderBuiltinReference } from './builtins/reference.js';
export { formatSource, formatModule } from './syntax/format.js';
export type { FormatResult } from './syntax/format.js';
export { buildAnnotationSet, annotationChain, rulePath, packagePath } from './annotations/scopes.js';
export { parseMetadataBlocks, usePreParsedMetadata } from './annotations/pre-parsed.js';
export type { AnnotationSet, AnnotationEntry, AnnotationTarget } from './annotations/scopes.js';
export { annotationObject } from './annotations/chain.js';
export type { AnnotationFields, AuthorAnnotation, ParsedBlock, RelatedResource, SchemaAnnotation } from './annotations/parse.js';
export { coverageReport, rangesText } from './testing/coverage.js';
export type { CoverageReport, FileCoverage, LineRange } from './testing/coverage.js';
export type { Tracer, TraceOp, TraceDetail, CompareDetail, EnterDetail } from './eval/trace.js';
