/**
 * `palisade push`: a policy directory as the OCI artifact conftest pushes and pulls — one layer
 * per .rego file (`…policy.layer.v1+rego`) and per data file (`…data.layer.v1+json`), each named
 * by its `org.opencontainers.image.title` annotation, under OPA's config media type — or a built
 * OPA bundle as one `…layer.v1.tar+gzip` layer, the layout OPA's and Trivy's OCI downloaders read.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import type { RegoVersion } from '@palisade/engine';
import { walkBundleDir } from '../opa-bundle/bundle.js';
import { ArchiveError, readTarGz, type ArchiveFile } from '../opa-bundle/archive.js';
import { RemoteError, RemoteErrorCodes } from './errors.js';
import { DEFAULT_LIMITS } from './limits.js';
import { MEDIA_TYPES, OciClient, type Descriptor, type ImageManifest } from './oci.js';
import { checkFiles, type RemoteOptions } from './pull.js';
import { ociReferenceText, type OciReference } from './source.js';

export interface PushResult {
  reference: string;
  digest: string;
  layers: number;
}

const isPolicy = (p: string) => p.endsWith('.rego');
const isData = (p: string) => /\.(json|ya?ml)$/.test(p);

/**
 * The files of `dir` named as conftest names them: by their path from the working directory
 * when inside it, else from the directory's parent (`policy/deny.rego`).
 */
export function collectFiles(dir: string, cwd: string, accept: (p: string) => boolean): ArchiveFile[] {
  const abs = resolve(cwd, dir);
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    throw new RemoteError(RemoteErrorCodes.source, `${dir}: no such directory`);
  }
  if (!st.isDirectory()) throw new RemoteError(RemoteErrorCodes.source, `${dir}: not a directory`);
  const rel = relative(cwd, abs);
  const prefix = rel === '' ? '' : rel.startsWith('..') || rel.startsWith(sep) ? basename(abs) : rel.split(sep).join('/');
  const files = walkBundleDir(abs, accept, (p) => {
    throw new RemoteError(RemoteErrorCodes.source, `${dir}/${p}: symbolic links are not pushed`);
  });
  return files.map((f) => ({ path: prefix ? `${prefix}/${f.path}` : f.path, data: f.data }));
}

async function pushArtifact(ref: OciReference, layers: { data: Buffer; mediaType: string; title?: string }[], opts: RemoteOptions): Promise<PushResult> {
  const client = new OciClient(ref, opts);
  const descs: Descriptor[] = [];
  for (const l of layers) descs.push(await client.pushBlob(l.data, l.mediaType, l.title ? { [MEDIA_TYPES.titleAnnotation]: l.title } : undefined));
  const config = await client.pushBlob(Buffer.from('{}'), MEDIA_TYPES.opaConfig);
  const manifest: ImageManifest = { schemaVersion: 2, mediaType: MEDIA_TYPES.manifest, config, layers: descs };
  const bytes = Buffer.from(JSON.stringify(manifest));
  const tag = ref.tag ?? 'latest';
  const digest = await client.putManifest(tag, bytes, MEDIA_TYPES.manifest);
  return { reference: ociReferenceText({ ...ref, tag }), digest, layers: descs.length };
}

/** Pushes the policies of `policyDir` (and the data files of `dataDir`, default the same directory). */
export async function pushPolicies(ref: OciReference, policyDir: string, dataDir: string | undefined, opts: RemoteOptions & { regoVersion?: RegoVersion }): Promise<PushResult> {
  if (ref.digest) throw new RemoteError(RemoteErrorCodes.source, `${ociReferenceText(ref)}: push to a tag, not a digest`);
  const policies = collectFiles(policyDir, opts.cwd, isPolicy);
  const data = collectFiles(dataDir ?? policyDir, opts.cwd, isData);
  if (policies.length === 0 && data.length === 0) throw new RemoteError(RemoteErrorCodes.source, `${policyDir}: no .rego or data files to push`);
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const total = [...policies, ...data].reduce((n, f) => n + f.data.length, 0);
  if (total > limits.downloadBytes) throw new RemoteError(RemoteErrorCodes.limit, `${policyDir}: ${total} bytes is more than the limit of ${limits.downloadBytes}`);
  await checkFiles([...policies, ...data], policyDir, opts.regoVersion ? { regoVersion: opts.regoVersion } : {});
  const layers = [
    ...policies.map((f) => ({ data: f.data, mediaType: MEDIA_TYPES.opaPolicyLayer, title: f.path })),
    ...data.map((f) => ({ data: f.data, mediaType: MEDIA_TYPES.opaDataLayer, title: f.path })),
  ];
  return pushArtifact(ref, layers, opts);
}

/** Pushes a built bundle (.tar.gz) as one OPA bundle layer, after reading it back. */
export async function pushBundle(ref: OciReference, bundleFile: string, opts: RemoteOptions): Promise<PushResult> {
  if (ref.digest) throw new RemoteError(RemoteErrorCodes.source, `${ociReferenceText(ref)}: push to a tag, not a digest`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(opts.cwd, bundleFile));
  } catch (e) {
    throw new RemoteError(RemoteErrorCodes.source, `${bundleFile}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    await readTarGz(bytes);
  } catch (e) {
    if (e instanceof ArchiveError) throw new RemoteError(RemoteErrorCodes.archive, `${bundleFile}: ${e.message}`);
    throw e;
  }
  return pushArtifact(ref, [{ data: bytes, mediaType: MEDIA_TYPES.opaBundleLayer, title: basename(bundleFile) }], opts);
}
