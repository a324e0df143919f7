# METADATA
# title: sudo in RUN
# description: RUN calls sudo; builds already run as the current USER, and sudo in an image means a privilege-escalation path at runtime.
# custom:
#   id: DF-022
#   severity: HIGH
#   input: [dockerfile]
#   remediation: Run privileged steps before switching USER (or switch with `USER root` and back), and do not install sudo.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#user
#     - https://github.com/hadolint/hadolint/wiki/DL3004
#     - https://avd.aquasec.com/misconfig/ds010
#   related: [DS-0010, DL3004, CKV2_DOCKER_1, DKL-DI-0001]
#   profiles: [recommended]
package palisade.dockerfile.no_sudo

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

deny contains res if {
	some run in docker.runs
	some seg in shell.segments(docker.run_script(run.cmd))
	some j, w in seg.words
	# A word whose basename is sudo contains it; the test first spares a call per word.
	contains(w, "sudo")
	shell.basename(w) == "sudo"
	every prefix in array.slice(seg.words, 0, j) {
		regex.match(`^[A-Za-z_][A-Za-z0-9_]*=`, prefix)
	}
	msg := sprintf("%s runs sudo in RUN", [docker.stage_label(run.index)])
	res := result.new(msg, run.cmd)
}
