/**
 * THE table of document kinds. `DocumentKind`, `ConfigKind`, `DOCUMENT_KINDS`, `CONFIG_KINDS`, the
 * kinds a stdlib check may name in `custom.input`, the typed document values (`DocumentValueMap`)
 * and `loadFile`'s dispatch are all derived from it, so a new loader is its file, its schema
 * (src/schemas/, types generated into src/generated/) and one row here.
 */
import type { LoadResult } from '../model.js';
import type { IgnoreEntry } from './config/ignore.js';
import type {
  ComposeDocument,
  DockerInspectObject,
  DockerignoreDocument,
  GrypeReport,
  KubernetesObject,
  TrivyDockerfileDocument,
  TrivyReport,
} from '../input-types.js';
import { composeFromParsed, loadCompose } from './compose.js';
import { inspectFromParsed, loadDockerInspect } from './docker-inspect.js';
import { loadDockerfile } from './dockerfile.js';
import { loadDockerignore } from './dockerignore.js';
import { grypeFromParsed, loadGrype } from './grype.js';
import { loadJson } from './json.js';
import { kubernetesFromParsed, loadKubernetes } from './kubernetes.js';
import type { ParsedTree } from './tree-docs.js';
import { loadTrivy, trivyFromParsed } from './trivy.js';
import { loadYaml } from './yaml.js';
import { loadCycloneDx } from './config/cyclonedx.js';
import { loadDotenv } from './config/dotenv.js';
import { loadEdn } from './config/edn.js';
import { loadHcl1, loadHcl2 } from './config/hcl.js';
import { loadIgnore } from './config/ignore.js';
import { loadIni } from './config/ini.js';
import { loadProperties } from './config/properties.js';
import { loadSpdx } from './config/spdx.js';
import { loadVcl } from './config/vcl.js';
import { loadToml } from './config/toml.js';
import { loadXml } from './config/xml.js';
import { loadHocon } from './config/hocon.js';
import { loadTextproto, type ProtoFile } from './config/textproto.js';
import { loadGroovy, type GroovyNode } from './config/groovy.js';
import { loadCue } from './config/cue.js';
import { loadJsonnet } from './config/jsonnet.js';

/** What a loader may need besides the file: the `.proto` declarations of textproto files (`--proto-file-dirs`). */
export interface LoaderContext {
  protoFiles?: readonly ProtoFile[];
}

export type Loader = (path: string, text: string, ctx?: LoaderContext) => LoadResult;

interface KindRow {
  /** Loads a file of this kind (`--parser KIND`, or after detection). */
  load: Loader;
  /** Builds this kind's documents from a JSON/YAML file already parsed for content detection (loaders/detect.ts). */
  fromTree?: (path: string, tree: ParsedTree) => LoadResult;
  /**
   * A configuration format conftest parses (loaders/config/): conftest-style policies read it;
   * it is not an input kind of stdlib checks.
   */
  config?: true;
}

// The type of a kind's document value rides on its row as a phantom property (never set at run time).
declare const valueType: unique symbol;
type Row<V> = KindRow & { readonly [valueType]?: V };
const row = <V>(r: Omit<KindRow, 'config'>): Row<V> => r;
const configRow = <V>(load: Loader): Row<V> & { config: true } => ({ load, config: true });

/** Every kind, in the order messages and `--help` list them. */
export const KIND_TABLE = {
  dockerfile: row<TrivyDockerfileDocument>({ load: loadDockerfile }),
  kubernetes: row<KubernetesObject>({ load: loadKubernetes, fromTree: kubernetesFromParsed }),
  compose: row<ComposeDocument>({ load: loadCompose, fromTree: composeFromParsed }),
  'docker-inspect': row<DockerInspectObject>({ load: loadDockerInspect, fromTree: inspectFromParsed }),
  trivy: row<TrivyReport>({ load: loadTrivy, fromTree: trivyFromParsed }),
  grype: row<GrypeReport>({ load: loadGrype, fromTree: grypeFromParsed }),
  dockerignore: row<DockerignoreDocument>({ load: loadDockerignore }),
  json: row<unknown>({ load: loadJson }),
  yaml: row<unknown>({ load: loadYaml }),
  toml: configRow<Record<string, unknown>>(loadToml),
  ini: configRow<Record<string, Record<string, unknown>>>(loadIni),
  xml: configRow<Record<string, unknown>>(loadXml),
  hcl1: configRow<Record<string, unknown>>(loadHcl1),
  hcl2: configRow<Record<string, unknown>>(loadHcl2),
  dotenv: configRow<Record<string, string>>(loadDotenv),
  properties: configRow<Record<string, string>>(loadProperties),
  edn: configRow<unknown>(loadEdn),
  ignore: configRow<IgnoreEntry[]>(loadIgnore),
  cyclonedx: configRow<Record<string, unknown>>(loadCycloneDx),
  spdx: configRow<Record<string, unknown>>(loadSpdx),
  vcl: configRow<Record<string, unknown>>(loadVcl),
  hocon: configRow<unknown>(loadHocon),
  textproto: configRow<Record<string, unknown>>((path, text, ctx) => loadTextproto(path, text, ctx?.protoFiles)),
  groovy: configRow<GroovyNode>(loadGroovy),
  cue: configRow<unknown>(loadCue),
  jsonnet: configRow<unknown>(loadJsonnet),
};

type Table = typeof KIND_TABLE;

/** The kinds of input documents Palisade understands. */
export type DocumentKind = keyof Table;

/** The configuration-file kinds conftest parses beyond Dockerfiles, YAML and JSON. */
export type ConfigKind = { [K in DocumentKind]: Table[K] extends { config: true } ? K : never }[DocumentKind];

/** The type of `InputDocument.value` for each document kind (generated from src/schemas). */
export type DocumentValueMap = { [K in DocumentKind]: Table[K] extends Row<infer V> ? V : never };

export const DOCUMENT_KINDS = Object.keys(KIND_TABLE) as DocumentKind[];

export const CONFIG_KINDS = DOCUMENT_KINDS.filter((k): k is ConfigKind => KIND_TABLE[k].config === true);

/** The kinds a stdlib check may name in METADATA `custom.input` (every kind but the config formats). */
export const CHECK_INPUT_KINDS: readonly DocumentKind[] = DOCUMENT_KINDS.filter((k) => KIND_TABLE[k].config !== true);

export function isDocumentKind(kind: string): kind is DocumentKind {
  return Object.prototype.hasOwnProperty.call(KIND_TABLE, kind);
}

export function isConfigKind(kind: string): kind is ConfigKind {
  return isDocumentKind(kind) && KIND_TABLE[kind].config === true;
}
