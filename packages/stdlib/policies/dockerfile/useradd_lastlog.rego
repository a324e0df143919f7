# METADATA
# title: useradd with a high UID without -l
# description: useradd with a large UID and without `-l`/`--no-log-init` makes /var/log/lastlog and faillog huge sparse files that bloat the layer.
# custom:
#   id: DF-044
#   severity: LOW
#   input: [dockerfile]
#   remediation: Add `-l` (`--no-log-init`) to useradd.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3046
#     - https://docs.docker.com/build/building/best-practices/#user
#   related: [DL3046]
#   profiles: [recommended]
package palisade.dockerfile.useradd_lastlog

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

deny contains res if {
	some run in docker.runs
	some c in run.commands
	c.program == "useradd"
	uid := _uid(c.args)
	count(uid) > 5
	not shell.has_flag(c.args, "-l")
	not shell.has_flag(c.args, "--no-log-init")
	msg := sprintf("%s runs useradd with UID %s without -l/--no-log-init", [docker.stage_label(run.index), uid])
	res := result.new(msg, run.cmd)
}

# The last UID given wins, as in useradd's option parsing; a function has one value per argument
# list, so repeated options must not yield several.
_uid(args) := uids[count(uids) - 1] if {
	uids := [v |
		some k, a in args
		v := _uid_at(args, k, a)
	]
	count(uids) > 0
}

_uid_at(args, k, a) := v if {
	a in {"-u", "--uid"}
	v := args[k + 1]
	regex.match(`^[0-9]+$`, v)
} else := v if {
	m := regex.find_all_string_submatch_n(`^(?:--uid=|-u)([0-9]+)$`, a, 1)[0]
	v := m[1]
}
