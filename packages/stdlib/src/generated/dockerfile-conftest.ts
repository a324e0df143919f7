// GENERATED FILE — do not edit. Source: src/schemas/dockerfile-conftest.schema.json; regenerate with `node packages/stdlib/scripts/gen-types.mjs`.

/**
 * Dockerfile document in conftest's flat shape (what conftest-style policies see as `input`).
 */
export type ConftestDockerfileDocument = ConftestDockerfileCommand[];

export interface ConftestDockerfileCommand {
  /**
   * Lower-case instruction name, or `comment` for a comment line above an instruction.
   */
  Cmd: string;
  SubCmd: string;
  JSON: boolean;
  Flags: string[] | null;
  Value: string[] | null;
  Stage: number;
}
