# METADATA
# title: Remote ADD source without checksum
# description: ADD downloads a URL or Git repository without `--checksum` (or a pinned commit), so the build trusts whatever the server returns.
# custom:
#   id: DF-009
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Add `--checksum=sha256:<digest>` to ADD of URLs, reference Git sources by full commit SHA, or download and verify in a RUN step.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#add---checksum
#     - https://docs.docker.com/reference/dockerfile/#adding-files-from-a-url
#   related: []
#   profiles: [recommended]
package palisade.dockerfile.remote_add_checksum

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some i, stage in docker.stages
	some cmd in docker.commands(stage, "add")
	count(cmd.Value) >= 2
	not docker.flag_value(cmd, "checksum")
	some src in array.slice(cmd.Value, 0, count(cmd.Value) - 1)
	_remote(src)
	not _pinned_git(src)
	msg := sprintf("%s ADDs remote source %q without --checksum", [docker.stage_label(i), src])
	res := result.new(msg, cmd)
}

_remote(src) if regex.match(`^(https?|git|ssh)://|^git@`, src)

# A Git source whose ref is a full commit SHA is content-addressed already.
_pinned_git(src) if regex.match(`#[0-9a-f]{40}(:.*)?$`, src)
