import type { DocumentKind, LoadResult } from '../../model.js';
import { baseName } from '../common.js';
import { loadCycloneDx } from './cyclonedx.js';
import { loadDotenv } from './dotenv.js';
import { loadEdn } from './edn.js';
import { loadHcl1, loadHcl2 } from './hcl.js';
import { loadIgnore } from './ignore.js';
import { loadIni } from './ini.js';
import { loadProperties } from './properties.js';
import { loadSpdx } from './spdx.js';
import { loadVcl } from './vcl.js';
import { loadToml } from './toml.js';
import { loadXml } from './xml.js';
import { loadHocon } from './hocon.js';
import { loadTextproto, type ProtoFile } from './textproto.js';

/** The configuration-file kinds conftest parses beyond Dockerfiles, YAML and JSON. */
export type ConfigKind = 'toml' | 'ini' | 'xml' | 'hcl1' | 'hcl2' | 'dotenv' | 'properties' | 'edn' | 'ignore' | 'cyclonedx' | 'spdx' | 'vcl' | 'hocon' | 'textproto';

/** What a loader may need besides the file: the `.proto` declarations of textproto files (`--proto-file-dirs`). */
export interface LoaderContext {
  protoFiles?: readonly ProtoFile[];
}

export const CONFIG_LOADERS: Record<ConfigKind, (path: string, text: string, ctx?: LoaderContext) => LoadResult> = {
  toml: loadToml,
  ini: loadIni,
  xml: loadXml,
  hcl1: loadHcl1,
  hcl2: loadHcl2,
  dotenv: loadDotenv,
  properties: loadProperties,
  edn: loadEdn,
  ignore: loadIgnore,
  cyclonedx: loadCycloneDx,
  spdx: loadSpdx,
  vcl: loadVcl,
  hocon: loadHocon,
  textproto: (path, text, ctx) => loadTextproto(path, text, ctx?.protoFiles),
};

export const CONFIG_KINDS = Object.keys(CONFIG_LOADERS) as ConfigKind[];

/**
 * conftest's choice of parser by file name (parser.NewFromPath) for these kinds: `.tf`, `.tfvars`
 * and `.hcl` are HCL 2, `.gitignore` an ignore file, `.env`/`.env.*`/`*.env` dotenv, and otherwise
 * the extension names the parser (`x.toml`, `x.ini`, `x.hcl1`, …).
 */
export function configKindByName(path: string): ConfigKind | undefined {
  const name = baseName(path).toLowerCase();
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 || (dot === 0 && name.length > 1) ? name.slice(dot + 1) : '';
  if (ext === 'hcl' || ext === 'tf' || ext === 'tfvars') return 'hcl2';
  if (ext === 'gitignore') return 'ignore';
  if (ext === 'textproto' || ext === 'textpb') return 'textproto';
  if (name === '.env' || name.startsWith('.env.') || ext === 'env') return 'dotenv';
  if ((CONFIG_KINDS as string[]).includes(ext) && ext !== 'ignore' && ext !== 'cyclonedx') return ext as ConfigKind;
  return undefined;
}

export function isConfigKind(kind: DocumentKind | string): kind is ConfigKind {
  return Object.prototype.hasOwnProperty.call(CONFIG_LOADERS, kind);
}
