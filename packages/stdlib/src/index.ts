/** @palisade/stdlib — loaders, policies and scan(). Named exports only. */
export type * from './model.js';
export { SEVERITIES } from './model.js';
export * as loaders from './loaders/index.js';
export { loadFile, loadFiles } from './loaders/index.js';
export { stdlibBuiltins, resultNew } from './result-builtin.js';
export { STDLIB_ROOT, createStdlibEngine, stdlibData, stdlibPolicySources } from './policies.js';
export type { PolicySource } from './policies.js';
