/**
 * The TypeScript types of every input document kind, generated from src/schemas/*.schema.json
 * (scripts/gen-types.mjs; never hand-edited) and re-exported here, with a sentence each, for
 * embedders. Both package entries export them; `DocumentValueMap` (documents.ts) maps each
 * document kind to its type.
 */
import type * as compose from './generated/compose.js';
import type * as inspect from './generated/docker-inspect.js';
import type * as conftest from './generated/dockerfile-conftest.js';
import type * as dockerfile from './generated/dockerfile.js';
import type * as dockerignore from './generated/dockerignore.js';
import type * as grype from './generated/grype.js';
import type * as kubernetes from './generated/kubernetes.js';
import type * as trivy from './generated/trivy.js';

/** A docker-compose file (document kind `compose`). */
export type ComposeDocument = compose.ComposeDocument;
/** One service of a compose file. */
export type ComposeService = compose.ComposeService;
/** A compose value written either as one string or as a list of strings. */
export type StringOrList = compose.StringOrList;

/** One object of `docker inspect` output, a container or an image (document kind `docker-inspect`). */
export type DockerInspectObject = inspect.DockerInspectObject;
/** `docker inspect` output for a container. */
export type DockerContainer = inspect.DockerContainer;
/** The `Config` section of an inspected container or image. */
export type DockerContainerConfig = inspect.DockerContainerConfig;
/** The `HostConfig` section of an inspected container (privileges, namespaces, resources). */
export type DockerHostConfig = inspect.DockerHostConfig;
/** A mount of an inspected container. */
export type DockerMount = inspect.DockerMount;
/** `docker inspect` output for an image. */
export type DockerImage = inspect.DockerImage;

/** A Dockerfile in conftest's flat shape (what user policies get with `dockerfileShape: 'conftest'`). */
export type ConftestDockerfileDocument = conftest.ConftestDockerfileDocument;
/** One instruction of a Dockerfile in conftest's shape. */
export type ConftestDockerfileCommand = conftest.ConftestDockerfileCommand;

/** A Dockerfile in the shape Trivy's checks read (document kind `dockerfile`). */
export type TrivyDockerfileDocument = dockerfile.TrivyDockerfileDocument;
/** One build stage of a Dockerfile (Trivy shape). */
export type DockerfileStage = dockerfile.DockerfileStage;
/** One instruction of a Dockerfile (Trivy shape), with its lines. */
export type DockerfileCommand = dockerfile.DockerfileCommand;

/** A `.dockerignore` file with the exclusion of well-known secret paths evaluated (document kind `dockerignore`). */
export type DockerignoreDocument = dockerignore.DockerignoreDocument;
/** One pattern line of a `.dockerignore` file. */
export type DockerignoreLine = dockerignore.DockerignoreLine;

/** A Grype JSON report (document kind `grype`). */
export type GrypeReport = grype.GrypeReport;
/** One match (vulnerability in a package) of a Grype report. */
export type GrypeMatch = grype.GrypeMatch;
/** The vulnerability of a Grype match. */
export type GrypeVulnerability = grype.GrypeVulnerability;
/** The package (artifact) of a Grype match. */
export type GrypeArtifact = grype.GrypeArtifact;
/** The tool section (`descriptor`) of a Grype report. */
export type GrypeDescriptor = grype.GrypeDescriptor;

/** Any Kubernetes resource (document kind `kubernetes`, one document per resource). */
export type KubernetesObject = kubernetes.KubernetesObject;
/** The `metadata` of a Kubernetes resource. */
export type ObjectMeta = kubernetes.ObjectMeta;

/** A Trivy JSON report (document kind `trivy`). */
export type TrivyReport = trivy.TrivyReport;
/** The `Metadata` section of a Trivy report (image, OS, repo tags…). */
export type TrivyMetadata = trivy.TrivyMetadata;
/** One scan target of a Trivy report, with its vulnerabilities, misconfigurations and secrets. */
export type TrivyResult = trivy.TrivyResult;
/** One vulnerability of a Trivy result. */
export type TrivyVulnerability = trivy.TrivyVulnerability;
/** CVSS scores of a Trivy vulnerability, by source. */
export type TrivyCVSS = trivy.TrivyCVSS;
