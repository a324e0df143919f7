# METADATA
# title: OCI image labels missing or invalid
# description: The final image lacks required labels (config `dockerfile_required_labels`, by default the OCI `source` and `licenses` annotations) or sets an `org.opencontainers.image.*` label to an empty or malformed value.
# custom:
#   id: DF-048
#   severity: INFO
#   input: [dockerfile]
#   remediation: Add `LABEL org.opencontainers.image.source="https://…" org.opencontainers.image.licenses="Apache-2.0"` (and the other labels your organisation requires) with well-formed values.
#   references:
#     - https://github.com/opencontainers/image-spec/blob/main/annotations.md
#     - https://github.com/hadolint/hadolint/wiki/DL3049
#     - https://docs.docker.com/reference/dockerfile/#label
#   related: [DL3048, DL3049, DL3050, DL3051, DL3052, DL3053, DL3054, DL3055, DL3056, DL3058]
#   profiles: [recommended]
package palisade.dockerfile.oci_labels

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.docker

_default_required := ["org.opencontainers.image.source", "org.opencontainers.image.licenses"]

_labels := [[cmd, pair] |
	some cmd in docker.final_commands
	cmd.Cmd == "label"
	some pair in docker.env_pairs(cmd)
]

_label_keys := {docker.unquote(x[1][0]) | some x in _labels}

warn contains res if {
	count(docker.stages) > 0
	some key in config.get("dockerfile_required_labels", _default_required)
	not key in _label_keys
	msg := sprintf("final %s has no %s label", [docker.stage_label(docker.final_index), key])
	res := result.new(msg, docker.final_stage.Commands[0])
}

warn contains res if {
	some x in _labels
	key := docker.unquote(x[1][0])
	value := x[1][1]
	startswith(key, "org.opencontainers.image.")
	not contains(value, "$")
	problem := _problem(key, value)
	msg := sprintf("label %s=%q %s", [key, value, problem])
	res := result.new(msg, x[0])
}

_url_keys := {"org.opencontainers.image.url", "org.opencontainers.image.source", "org.opencontainers.image.documentation"}

_problem(_, "") := "is empty"

_problem(key, value) := "is not an RFC 3339 date-time" if {
	key == "org.opencontainers.image.created"
	value != ""
	not time.parse_rfc3339_ns(value)
}

_problem(key, value) := "is not a URL" if {
	key in _url_keys
	value != ""
	not regex.match(`^([a-z][a-z0-9+.-]*://\S+|git@\S+:\S+)$`, value)
}

_problem(key, value) := "is not an SPDX license expression" if {
	key == "org.opencontainers.image.licenses"
	value != ""
	not regex.match(`^[()]*[A-Za-z0-9.+:-]+[()]*( +(AND|OR|WITH|and|or|with) +[()]*[A-Za-z0-9.+:-]+[()]*)*$`, value)
}
