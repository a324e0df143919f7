import { baseName } from '../common.js';
import { CONFIG_KINDS, type ConfigKind } from '../registry.js';

/**
 * conftest's choice of parser by file name (parser.NewFromPath) for these kinds: `.tf`, `.tfvars`
 * and `.hcl` are HCL 2, `.gitignore` an ignore file, `.env`/`.env.*`/`*.env` dotenv, `Jenkinsfile`
 * and `Jenkinsfile.*` Groovy, and otherwise
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
  if ((name === 'jenkinsfile' || name.startsWith('jenkinsfile.')) && ext !== 'yaml' && ext !== 'yml' && ext !== 'dockerfile') return 'groovy';
  if ((CONFIG_KINDS as string[]).includes(ext) && ext !== 'ignore' && ext !== 'cyclonedx') return ext as ConfigKind;
  return undefined;
}
