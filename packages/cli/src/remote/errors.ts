/**
 * The one error type of remote policy sources (pull, push, scan --update). Each carries a stable
 * code, so scripts and tests tell a bad URL from a refused login or a hostile archive without
 * matching message text (docs/distribution.md lists them).
 */
export const RemoteErrorCodes = {
  /** The source or reference could not be understood (bad URL, unsupported scheme). */
  source: 'remote_source_error',
  /** Plain http to a host other than 127.0.0.1/localhost without --insecure. */
  insecure: 'remote_insecure_error',
  /** The server answered with an unexpected status, or the connection failed or timed out. */
  http: 'remote_http_error',
  /** The registry or server refused the credentials (or there were none). */
  auth: 'remote_auth_error',
  /** A download or an archive is larger than the limits allow. */
  limit: 'remote_limit_error',
  /** The archive or artifact is corrupt, or hostile (links, names escaping the destination). */
  archive: 'remote_archive_error',
  /** A blob or manifest does not have the digest it was asked for. */
  digest: 'remote_digest_error',
  /** The OCI manifest is not a policy artifact Palisade knows. */
  artifact: 'remote_artifact_error',
  /** git failed, timed out or is not installed. */
  git: 'remote_git_error',
  /** The pulled policies do not parse, or a signed bundle does not verify. */
  verify: 'remote_verify_error',
  /** The destination cannot be written, or a pull would overwrite a different file. */
  destination: 'remote_destination_error',
} as const;

export type RemoteErrorCode = (typeof RemoteErrorCodes)[keyof typeof RemoteErrorCodes];

export class RemoteError extends Error {
  readonly code: RemoteErrorCode;
  constructor(code: RemoteErrorCode, message: string) {
    super(message);
    this.name = 'RemoteError';
    this.code = code;
  }
}

/** `e` as a RemoteError: itself, or an unexpected failure wrapped with `code` and a prefix. */
export function asRemoteError(e: unknown, code: RemoteErrorCode, what: string): RemoteError {
  if (e instanceof RemoteError) return e;
  const err = e as NodeJS.ErrnoException;
  const detail = err?.code && typeof err.code === 'string' ? `${err.code}${err.message ? `: ${err.message}` : ''}` : String(err?.message ?? e);
  return new RemoteError(code, `${what}: ${detail}`);
}
