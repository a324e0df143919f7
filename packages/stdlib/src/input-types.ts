/**
 * The TypeScript types of every input document kind, generated from src/schemas/*.schema.json
 * (see scripts/gen-types.mjs), re-exported for embedders. Both package entries export them.
 */
export type { ComposeDocument, ComposeService, StringOrList } from './generated/compose.js';
export type { DockerInspectObject, DockerContainer, DockerContainerConfig, DockerHostConfig, DockerMount, DockerImage } from './generated/docker-inspect.js';
export type { ConftestDockerfileDocument, ConftestDockerfileCommand } from './generated/dockerfile-conftest.js';
export type { TrivyDockerfileDocument, DockerfileStage, DockerfileCommand } from './generated/dockerfile.js';
export type { DockerignoreDocument, DockerignoreLine } from './generated/dockerignore.js';
export type { GrypeReport, GrypeMatch, GrypeVulnerability, GrypeArtifact, GrypeDescriptor } from './generated/grype.js';
export type { KubernetesObject, ObjectMeta } from './generated/kubernetes.js';
export type { TrivyReport, TrivyMetadata, TrivyResult, TrivyVulnerability, TrivyCVSS } from './generated/trivy.js';
