// GENERATED FILE — do not edit. Source: src/schemas/dockerfile.schema.json; regenerate with `node packages/stdlib/scripts/gen-types.mjs`.

/**
 * Dockerfile document in the shape Trivy's Dockerfile checks read (input of kind `dockerfile`).
 */
export interface TrivyDockerfileDocument {
  /**
   * One entry per FROM; instructions before the first FROM form a leading stage with Name "".
   */
  Stages: DockerfileStage[];
}
export interface DockerfileStage {
  /**
   * FROM line without the literal "FROM " prefix (flags and `AS alias` included).
   */
  Name: string;
  Commands: DockerfileCommand[];
}
export interface DockerfileCommand {
  /**
   * Instruction name, lower-case (`from`, `run`, `onbuild`…).
   */
  Cmd: string;
  /**
   * ONBUILD trigger instruction as written (e.g. `RUN`); empty otherwise.
   */
  SubCmd: string;
  /**
   * Known `--name=value` flags; [] when the instruction has arguments but no flags, null without arguments.
   */
  Flags: string[] | null;
  /**
   * Arguments as buildkit splits them.
   */
  Value: string[] | null;
  /**
   * The logical line (continuations joined), plus heredoc bodies.
   */
  Original: string;
  /**
   * Exec (JSON array) form.
   */
  JSON: boolean;
  /**
   * Index of the build stage (global ARGs count as stage 0).
   */
  Stage: number;
  Path: string;
  StartLine: number;
  EndLine: number;
}
