# METADATA
# title: apt install with recommended packages
# description: apt-get install runs without `--no-install-recommends`, which pulls in recommended packages the image does not need (more size, more CVEs).
# custom:
#   id: DF-026
#   severity: LOW
#   input: [dockerfile]
#   remediation: Add `--no-install-recommends` to apt-get install.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#apt-get
#     - https://github.com/hadolint/hadolint/wiki/DL3015
#     - https://avd.aquasec.com/misconfig/ds029
#   related: [DS-0029, DL3015]
#   profiles: [recommended]
package palisade.dockerfile.no_recommends

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

deny contains res if {
	some run in docker.runs
	some c in run.commands
	inst := shell.install(c)
	inst.manager == "apt"
	not shell.has_flag(inst.args, "--no-install-recommends")
	not _recommends_off(inst.args)
	msg := sprintf("%s runs `%s install` without --no-install-recommends", [docker.stage_label(run.index), inst.tool])
	res := result.new(msg, run.cmd)
}

_recommends_off(args) if {
	some a in args
	regex.match(`(?i)^APT::Install-Recommends=("?)(false|0|no)("?)$`, a)
}
