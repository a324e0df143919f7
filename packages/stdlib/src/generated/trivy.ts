// GENERATED FILE — do not edit. Source: src/schemas/trivy.schema.json; regenerate with `node packages/stdlib/scripts/gen-types.mjs`.

/**
 * Trivy JSON report, SchemaVersion 2 (`trivy image|fs|config --format json`).
 */
export interface TrivyReport {
  SchemaVersion: 2;
  CreatedAt?: string;
  ArtifactName?: string;
  ArtifactType?: string;
  Metadata?: TrivyMetadata;
  Results?: TrivyResult[] | null;
  [k: string]: unknown;
}
export interface TrivyMetadata {
  OS?: {
    Family?: string;
    Name?: string;
    EOSL?: boolean;
    [k: string]: unknown;
  };
  ImageID?: string;
  RepoTags?: string[];
  RepoDigests?: string[];
  ImageConfig?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface TrivyResult {
  Target: string;
  Class?: string;
  Type?: string;
  Vulnerabilities?: TrivyVulnerability[] | null;
  Misconfigurations?:
    | {
        [k: string]: unknown;
      }[]
    | null;
  Secrets?:
    | {
        [k: string]: unknown;
      }[]
    | null;
  Licenses?:
    | {
        [k: string]: unknown;
      }[]
    | null;
  [k: string]: unknown;
}
export interface TrivyVulnerability {
  VulnerabilityID: string;
  PkgID?: string;
  PkgName: string;
  PkgPath?: string;
  PkgIdentifier?: {
    [k: string]: unknown;
  };
  InstalledVersion?: string;
  FixedVersion?: string;
  /**
   * fixed, affected, will_not_fix, fix_deferred, end_of_life, not_affected, under_investigation, unknown
   */
  Status?: string;
  Severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN';
  SeveritySource?: string;
  Title?: string;
  Description?: string;
  PrimaryURL?: string;
  CweIDs?: string[];
  CVSS?: {
    [k: string]: TrivyCVSS;
  };
  References?: string[];
  PublishedDate?: string;
  LastModifiedDate?: string;
  Layer?: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface TrivyCVSS {
  V2Vector?: string;
  V3Vector?: string;
  V2Score?: number;
  V3Score?: number;
  [k: string]: unknown;
}
