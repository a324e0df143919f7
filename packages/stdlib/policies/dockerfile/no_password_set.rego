# METADATA
# title: Password set during the build
# description: RUN sets a password (chpasswd, passwd, useradd/usermod -p); the password is baked into every container of the image and visible in its history.
# custom:
#   id: DF-035
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Create accounts without passwords (`useradd --no-create-home --shell /usr/sbin/nologin app`) and authenticate at runtime with injected secrets.
#   references:
#     - https://docs.docker.com/build/building/secrets/
#     - https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md
#   related: [CKV2_DOCKER_17, DKL-LI-0001]
#   profiles: [recommended]
package palisade.dockerfile.no_password_set

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

# passwd options that lock, expire or report instead of setting a password.
_harmless_passwd := {"-l", "--lock", "-e", "--expire", "-S", "--status", "-n", "-x", "-w", "-i"}

_sets_password(c) if c.program in {"chpasswd", "chgpasswd"}

_sets_password(c) if {
	c.program == "passwd"
	not _only_harmless(c.args)
}

_sets_password(c) if {
	c.program in {"useradd", "usermod", "adduser"}
	some f in ["-p", "--password"]
	shell.has_flag(c.args, f)
}

_only_harmless(args) if {
	some a in args
	a in _harmless_passwd
}

# Every definition of _sets_password names its programs; looking the program up first spares a
# call per command of a long RUN.
_password_programs := {"chpasswd", "chgpasswd", "passwd", "useradd", "usermod", "adduser"}

deny contains res if {
	some run in docker.runs
	some c in run.commands
	_password_programs[c.program]
	_sets_password(c)
	msg := sprintf("%s sets a password with %s", [docker.stage_label(run.index), c.program])
	res := result.new(msg, run.cmd)
}
