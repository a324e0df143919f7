#!/usr/bin/env bash
# The GitHub Action's scan step (action.yml). Inputs arrive as INPUT_* environment variables — never
# interpolated into this script's text, so a hostile input cannot inject shell code. Builds the CLI
# from the action's own checkout on first use (the action's ref pins the version), runs
# `palisade scan` with the text report on the log, GitHub annotations and optionally SARIF, records
# the exit code and the SARIF path as step outputs, and exits with palisade's code (0 clean,
# 1 failing findings, 2 errors).
set -uo pipefail
# Lists are split on whitespace only: no glob expansion of user-supplied paths.
set -f

root="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set (run as a GitHub Action, or set it to a Palisade checkout)}"
cli="$root/packages/cli/dist/main.js"
if [ ! -f "$cli" ]; then
  (cd "$root" && npx --yes pnpm@12.4.2 install --frozen-lockfile >&2) || { echo "::error::palisade: could not install and build the CLI in $root"; exit 2; }
fi

args=(scan -o text -o github)
read_list() { tr '\n' ' ' <<<"$1"; }
for p in $(read_list "${INPUT_POLICY:-}"); do args+=(-p "$p"); done
[ "${INPUT_STDLIB:-false}" = "true" ] && args+=(--stdlib)
[ -n "${INPUT_PROFILE:-}" ] && args+=(--profile "$INPUT_PROFILE")
case "${INPUT_FAIL_ON:-}" in
  '') ;;
  none|NONE) args+=(--no-fail) ;;
  *) args+=(--fail-on "$INPUT_FAIL_ON") ;;
esac
[ -n "${INPUT_SARIF:-}" ] && args+=(-o "sarif=$INPUT_SARIF")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
# Extra arguments are split on whitespace, never evaluated.
read -r -a extra <<<"${INPUT_ARGS:-}"
args+=("${extra[@]}")
args+=(--)
paths=()
for p in $(read_list "${INPUT_PATH:-.}"); do paths+=("$p"); done
[ ${#paths[@]} -eq 0 ] && paths=(.)

node "$cli" "${args[@]}" "${paths[@]}"
code=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$code"
    if [ -n "${INPUT_SARIF:-}" ] && [ -f "$INPUT_SARIF" ]; then echo "sarif=$INPUT_SARIF"; else echo "sarif="; fi
  } >>"$GITHUB_OUTPUT"
fi
exit "$code"
