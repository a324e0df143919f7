/** @palisade/stdlib — loaders, policies and scan(). Named exports only. */
// Keep src/browser.ts in step: it re-exports all of this except the file-based API (test/embedding/policy-bundle.test.ts).
export type * from './model.js';
export { SEVERITIES } from './model.js';
export * as loaders from './loaders/index.js';
export { loadFile, loadFiles } from './loaders/index.js';
export { stdlibBuiltins, resultNew } from './result-builtin.js';
export { conftestBuiltins, setConfigFileReader, type ConfigFileReader } from './conftest-builtins.js';
export { applyTrivyBuiltins, isTrivyStyleModule, TRIVY_BUILTINS_MODES } from './trivy-builtins.js';
export type { TrivyBuiltinsMode } from './trivy-builtins.js';
export { STDLIB_ROOT, createStdlibEngine, stdlibData, stdlibPolicySources } from './policies.js';
export type { PolicySource } from './policies.js';
export { listPolicies, stdlibBundle } from './stdlib-files.js';
export { describePolicies, engineFromBundle } from './bundle.js';
export type { ListPoliciesOptions } from './bundle.js';
export { loadDocuments, isDocumentOf } from './documents.js';
export type { DocumentFile, DocumentValueMap, LoadedDocuments, TypedDocument } from './documents.js';
export type * from './input-types.js';
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
import { withStdlib } from './scan.js';
import { setHclParsers } from './loaders/config/hcl.js';
import { nodeHclParsers } from './node-hcl.js';
import { setConfigFileReader } from './conftest-builtins.js';
import { nodeConfigFileReader } from './node-files.js';
import { stdlibBundle as defaultBundle } from './stdlib-files.js';
const withEntryStdlib = withStdlib(defaultBundle);
/** Scans documents; compile errors of the policies are reported as errors of their files. Without `stdlibBundle`, runs the stdlib's policy files. */
export const scan = withEntryStdlib.scan;
/** Compiles the policy set and prepares every rule query once. Without `stdlibBundle`, with the stdlib's policy files. */
export const createScanner = withEntryStdlib.createScanner;
setHclParsers(nodeHclParsers);
setConfigFileReader(nodeConfigFileReader);
