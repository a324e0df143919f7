# METADATA
# title: Interactive or system tool installed in the image
# description: The final image installs tools that make no sense in a container (SSH server, editors, telnet) or RUN calls commands such as service, shutdown, ps, top, kill or mount.
# custom:
#   id: DF-046
#   severity: INFO
#   input: [dockerfile]
#   remediation: Remove the tool; debug with `docker exec`/ephemeral debug containers and manage processes from the orchestrator.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3001
#     - https://docs.docker.com/build/building/best-practices/#dont-install-unnecessary-packages
#   related: [DL3001]
#   profiles: [recommended]
package palisade.dockerfile.useless_tools

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

_useless_commands := {"ssh", "vim", "vi", "nano", "shutdown", "reboot", "halt", "service", "ps", "free", "top", "kill", "mount", "ifconfig"}

_useless_packages := {"openssh-server", "openssh", "ssh", "dropbear", "vim", "vim-tiny", "nano", "emacs", "emacs-nox", "telnet", "telnetd"}

warn contains res if {
	some run in docker.runs
	run.index in docker.final_chain
	some c in run.commands
	c.program in _useless_commands
	msg := sprintf("%s runs %s, which has no use in a container build", [docker.stage_label(run.index), c.program])
	res := result.new(msg, run.cmd)
}

warn contains res if {
	some run in docker.runs
	run.index in docker.final_chain
	some c in run.commands
	inst := shell.install(c)
	some p in inst.packages
	_package_name(p) in _useless_packages
	msg := sprintf("%s installs %s, which does not belong in a container image", [docker.stage_label(run.index), p])
	res := result.new(msg, run.cmd)
}

_package_name(p) := regex.split(`[=<>~:@]`, p)[0]
