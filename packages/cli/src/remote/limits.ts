/** Bounds on what one pull may download and write (docs/distribution.md, "Limits"). */
export interface Limits {
  /** Bytes of one download (a tarball, a file, all layers of an artifact together). */
  downloadBytes: number;
  /** Bytes of all pulled files together, after decompression. */
  expandedBytes: number;
  /** Files (or archive entries) of one pull. */
  files: number;
}

export const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = { downloadBytes: 64 * MB, expandedBytes: 256 * MB, files: 10_000 };

/** Default time for one pull or push (each git run or HTTP request is bounded by it). */
export const DEFAULT_REMOTE_TIMEOUT_MS = 120_000;

/** `--max-size <MB>`: the download and the expanded bound both; undefined for an invalid value. */
export function limitsOf(maxSize: unknown): Limits | undefined {
  if (maxSize === undefined) return DEFAULT_LIMITS;
  const s = String(maxSize).trim();
  if (!/^\d+(\.\d+)?$/.test(s) || Number(s) <= 0) return undefined;
  const bytes = Math.floor(Number(s) * MB);
  return { ...DEFAULT_LIMITS, downloadBytes: bytes, expandedBytes: bytes };
}
