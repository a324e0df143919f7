/**
 * @palisade/stdlib for browsers (and any runtime without a file system): the same API as the Node
 * entry (src/index.ts) except the file-based `STDLIB_ROOT`, `stdlibPolicySources` and `stdlibData`;
 * the standard library comes from the bundle generated at build time. Reached as
 * `@palisade/stdlib/browser`, or as `@palisade/stdlib` by bundlers that apply the `browser`
 * export condition. Nothing here imports a Node built-in (test/embedding/browser.test.ts).
 */
import type { Diagnostic, Engine, EngineOptions } from '@palisade/engine';
import { describePolicies, engineFromBundle, type ListPoliciesOptions } from './bundle.js';
import { bundledStdlib } from './bundled-stdlib.js';
import type { Policy } from './policy-set.js';
import { withStdlib, type StdlibBundle } from './scan.js';

export type * from './model.js';
export type * from './input-types.js';
export { SEVERITIES } from './model.js';
export * as loaders from './loaders/index.js';
export { loadFile, loadFiles } from './loaders/index.js';
export { loadDocuments, isDocumentOf } from './documents.js';
export type { DocumentFile, DocumentValueMap, LoadedDocuments, TypedDocument } from './documents.js';
export { stdlibBuiltins, resultNew } from './result-builtin.js';
export { conftestBuiltins, setConfigFileReader, type ConfigFileReader } from './conftest-builtins.js';
export { applyTrivyBuiltins, isTrivyStyleModule, TRIVY_BUILTINS_MODES } from './trivy-builtins.js';
export type { TrivyBuiltinsMode } from './trivy-builtins.js';
export type { PolicySource } from './policies.js';
export { describePolicies, engineFromBundle } from './bundle.js';
export type { ListPoliciesOptions } from './bundle.js';
export { setDefaultStdlib, diagnosticAsError, DEFAULT_SCAN_TIMEOUT_MS } from './scan.js';
export type { ScanOptions, ScanRunOptions, Scanner, StdlibBundle } from './scan.js';
export { assembleResult, findingsFail, waiveFindings } from './scan-result.js';
export { compareErrors, compareFindings, compareSeverity, severityRank, sortForReport } from './finding-order.js';
export type { VerdictOptions } from './scan-result.js';
export { PROFILES, DEFAULT_SEVERITY, discoverPolicies, selectPolicies, appliesTo, packageAnnotation, policyMetadata } from './policy-set.js';
export type { Policy, PolicyMetadata, PolicyRule, Profile } from './policy-set.js';
export { CATALOG_ID, DECLARABLE_PROFILES, checkPolicyMeta, readPolicyMeta, type PolicyMetaRead, type StdlibPolicyMeta } from './policy-meta.js';
export { RULE_NAME, combinedInput, conftestFile } from './conftest.js';
export type { DockerfileShape, RuleKind } from './conftest.js';
export { locate, resultMessage, resourceOf, snippetOf, parseJsonPath } from './findings.js';
export { parseInlineWaivers, expiredWaivers } from './waivers.js';
export type { ConfigWaiver } from './waivers.js';
export { matchGlob, compileGlob, type GlobMatcher } from './scan-glob.js';
export { parseConfig, validateConfig, CONFIG_FILE_NAMES, CONFIG_KEYS } from './config.js';
export type { PalisadeConfig, ConfigIssue } from './config.js';

/** The stdlib's non-test policies and default data (from the bundle generated at build time). */
export function stdlibBundle(): StdlibBundle {
  return bundledStdlib();
}

/** Every stdlib policy (and any given user policy) with its METADATA, from the bundled sources. */
export function listPolicies(options: ListPoliciesOptions = {}): Policy[] {
  return describePolicies(options.stdlib === false ? [] : bundledStdlib().policies, options.policies ?? []);
}

/** An engine with the stdlib builtins, the bundled policies and default data loaded (not yet compiled). */
export function createStdlibEngine(options: { engine?: EngineOptions } = {}): { engine: Engine; errors: Diagnostic[] } {
  return engineFromBundle(bundledStdlib(), options);
}

const withEntryStdlib = withStdlib(bundledStdlib);
/** Scans documents; compile errors of the policies are reported as errors of their files. Without `stdlibBundle`, runs the bundled standard library. */
export const scan = withEntryStdlib.scan;
/** Compiles the policy set and prepares every rule query once. Without `stdlibBundle`, with the bundled standard library. */
export const createScanner = withEntryStdlib.createScanner;
