// GENERATED FILE — do not edit. Source: src/schemas/grype.schema.json; regenerate with `node packages/stdlib/scripts/gen-types.mjs`.

/**
 * Grype JSON report (`grype -o json`).
 */
export interface GrypeReport {
  matches: GrypeMatch[];
  ignoredMatches?: GrypeMatch[];
  source?: {
    type?: string;
    target?: unknown;
    [k: string]: unknown;
  };
  distro?: {
    [k: string]: unknown;
  };
  descriptor?: GrypeDescriptor;
  [k: string]: unknown;
}
export interface GrypeMatch {
  vulnerability: GrypeVulnerability;
  relatedVulnerabilities?: {
    [k: string]: unknown;
  }[];
  matchDetails?: {
    [k: string]: unknown;
  }[];
  artifact: GrypeArtifact;
  [k: string]: unknown;
}
export interface GrypeVulnerability {
  id: string;
  dataSource?: string;
  namespace?: string;
  /**
   * Critical, High, Medium, Low, Negligible, Unknown
   */
  severity?: string;
  urls?: string[];
  description?: string;
  cvss?: {
    [k: string]: unknown;
  }[];
  knownExploited?: {
    [k: string]: unknown;
  }[];
  epss?: {
    [k: string]: unknown;
  }[];
  fix?: {
    versions?: string[];
    /**
     * fixed, not-fixed, wont-fix, unknown
     */
    state?: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface GrypeArtifact {
  id?: string;
  name: string;
  version: string;
  type?: string;
  purl?: string;
  licenses?: unknown[];
  locations?: {
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
}
export interface GrypeDescriptor {
  name?: string;
  version?: string;
  timestamp?: string;
  db?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
