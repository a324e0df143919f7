# METADATA
# title: Package installed without a version pin
# description: A RUN installs packages (apt, apk, yum/dnf, zypper, pip, npm, yarn, gem, go) without versions, so rebuilds silently pick up different software.
# custom:
#   id: DF-028
#   severity: LOW
#   input: [dockerfile]
#   remediation: Pin versions (`curl=7.88.1-10`, `curl=8.5.0-r0`, `flask==3.0.3`, `left-pad@1.3.0`, `tool@v1.2.3`) or install from a lock/requirements file.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#apt-get
#     - https://github.com/hadolint/hadolint/wiki/DL3008
#     - https://github.com/hadolint/hadolint/wiki/DL3013
#     - https://github.com/hadolint/hadolint/wiki/DL3016
#     - https://github.com/hadolint/hadolint/wiki/DL3018
#     - https://github.com/hadolint/hadolint/wiki/DL3028
#     - https://github.com/hadolint/hadolint/wiki/DL3033
#   related: [DL3008, DL3013, DL3016, DL3018, DL3028, DL3033, DL3037, DL3041, DL3062]
#   profiles: [recommended]
package palisade.dockerfile.pkg_version_pinned

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

deny contains res if {
	some run in docker.runs
	some c in run.commands
	inst := shell.install(c)
	unpinned := [p | some p in inst.packages; not shell.pinned(inst, p); not contains(p, "$")]
	count(unpinned) > 0
	msg := sprintf("%s installs packages without a version with %s: %s", [docker.stage_label(run.index), inst.tool, concat(", ", unpinned)])
	res := result.new(msg, run.cmd)
}
