# METADATA
# title: Blanket upgrade in the image build
# description: RUN upgrades every installed package (apt-get upgrade/dist-upgrade, apk upgrade, yum/dnf upgrade, zypper dup), which makes builds unreproducible; patched packages should come from an updated base image.
# custom:
#   id: DF-030
#   severity: LOW
#   input: [dockerfile]
#   remediation: Rebuild on a newer base image tag instead, or upgrade only the specific packages that need a fix.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3035
#     - https://avd.aquasec.com/misconfig/ds024
#     - https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md
#   related: [DS-0024, DL3035, DKL-DI-0003]
#   profiles: [recommended]
package palisade.dockerfile.no_dist_upgrade

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

_upgrade_verbs := {
	"apt": {"upgrade", "dist-upgrade", "full-upgrade"},
	"apk": {"upgrade"},
	"rpm": {"upgrade", "distro-sync", "upgrade-minimal", "update"},
	"zypper": {"dist-upgrade", "dup", "update", "up"},
}

deny contains res if {
	some run in docker.runs
	some c in run.commands
	pm := shell.package_manager(c)
	pos := shell.positional(pm)
	_upgrade_verbs[pm.manager][pos[0]]
	count(pos) == 1
	msg := sprintf("%s upgrades all packages with `%s %s`", [docker.stage_label(run.index), c.program, pos[0]])
	res := result.new(msg, run.cmd)
}
