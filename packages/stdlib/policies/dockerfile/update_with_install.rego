# METADATA
# title: Package index update separate from install
# description: A RUN refreshes the package index (apt-get update, apk update, yum/dnf makecache, zypper refresh) without installing in the same RUN; the cached layer makes later installs use a stale index.
# custom:
#   id: DF-024
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Update and install in one RUN, e.g. `RUN apt-get update && apt-get install -y --no-install-recommends pkg`.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#apt-get
#     - https://avd.aquasec.com/misconfig/ds017
#     - https://www.cisecurity.org/benchmark/docker
#   related: [DS-0017, CKV_DOCKER_5, CIS-4.7, CIS-DI-0007]
#   profiles: [recommended, cis-docker]
package palisade.dockerfile.update_with_install

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

_update_verbs := {
	"apt": {"update"},
	"apk": {"update"},
	"rpm": {"makecache", "check-update"},
	"zypper": {"refresh", "ref"},
}

deny contains res if {
	some run in docker.runs
	some c in run.commands
	pm := shell.package_manager(c)
	_update_verbs[pm.manager][shell.verb(c)]
	not _installs(run.commands, pm.manager)
	msg := sprintf("%s runs `%s %s` without installing packages in the same RUN", [docker.stage_label(run.index), c.program, shell.verb(c)])
	res := result.new(msg, run.cmd)
}

_installs(cmds, manager) if {
	some c in cmds
	shell.install(c).manager == manager
}
