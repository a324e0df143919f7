/** Public surface of the input loaders (re-exported by the package's src/index.ts). */
export { loadFile, loadFiles, type LoadOptions } from './load.js';
export { DOCUMENT_KINDS, CONFIG_KINDS, CHECK_INPUT_KINDS, isConfigKind, isDocumentKind, type ConfigKind, type LoaderContext } from './registry.js';
export { detectKind, detectByName } from './detect.js';
export {
  parseDockerfile,
  loadDockerfile,
  dockerfileConftestInput,
  type TrivyDockerfile,
  type TrivyStage,
  type TrivyCommand,
  type ConftestCommand,
  type ParsedDockerfile,
} from './dockerfile.js';
export type { Directives as DockerfileDirectives } from './dockerfile-scan.js';
export { loadKubernetes, helmSource, isKubernetesObject } from './kubernetes.js';
export { kustomizeRole, type KustomizeRole } from './kustomize.js';
export { loadCompose } from './compose.js';
export { loadDockerInspect } from './docker-inspect.js';
export { loadTrivy } from './trivy.js';
export { loadGrype } from './grype.js';
export { loadJson } from './json.js';
export { loadYaml } from './yaml.js';
export {
  loadDockerignore,
  dockerignoreConftestInput,
  isExcluded as dockerignoreExcludes,
  SENSITIVE_PROBES as DOCKERIGNORE_PROBES,
  type DockerignoreDocument,
  type DockerignoreLine,
} from './dockerignore.js';
export { parseYamlText, DEFAULT_MAX_ALIAS_NODES, MAX_YAML_DEPTH, type YamlOptions } from './yaml-docs.js';
export { parseJsonText, MAX_JSON_DEPTH } from './json-docs.js';
export { MAX_INPUT_CHARS, LoadErrorCode } from './common.js';
export { TreeSourceMap, DockerfileSourceMap } from './source-map.js';
export { configKindByName } from './config/kinds.js';
export { setHclParsers, type HclParsers } from './config/hcl.js';
export { protoFilesProblem, type ProtoFile } from './config/textproto.js';
export { parseIgnoreEntries, type IgnoreEntry } from './config/ignore.js';
