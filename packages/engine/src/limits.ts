/**
 * Limits on untrusted input shared by every package, so that the engine, the stdlib and the CLI
 * refuse the same inputs.
 */

/**
 * Alias dereferences a YAML document may make before it is refused rather than expanded
 * (billion-laughs protection): METADATA blocks, `-d` data files, `eval -i` inputs, bundles.
 */
export const MAX_YAML_ALIASES = 100;
