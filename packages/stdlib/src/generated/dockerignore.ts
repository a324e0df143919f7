// GENERATED FILE — do not edit. Source: src/schemas/dockerignore.schema.json; regenerate with `node packages/stdlib/scripts/gen-types.mjs`.

/**
 * A .dockerignore file with Docker's exclusion semantics evaluated for well-known secret paths.
 */
export interface DockerignoreDocument {
  /**
   * Cleaned patterns in file order; `!` marks a re-include.
   */
  patterns: string[];
  lines: DockerignoreLine[];
  /**
   * Probe (`.env`, `*.pem`, `*.key`, `secrets/`, `.git/`…) → whether a sample path at the context root is left out of the build context.
   */
  excluded: {
    [k: string]: boolean;
  };
  /**
   * Same probes one directory below the root (`app/.env`, `app/server.pem`…).
   */
  excludedNested: {
    [k: string]: boolean;
  };
}
export interface DockerignoreLine {
  line: number;
  text: string;
  pattern: string;
  negated: boolean;
}
