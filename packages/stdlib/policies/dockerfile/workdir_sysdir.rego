# METADATA
# title: WORKDIR in a system directory
# description: WORKDIR points into a kernel or boot directory (/proc, /sys, /dev, /boot, /initrd, /lost+found); files written there can affect the host or are lost.
# custom:
#   id: DF-019
#   severity: HIGH
#   input: [dockerfile]
#   remediation: Use an application directory such as /app or /srv/<name>.
#   references:
#     - https://avd.aquasec.com/misconfig/ds030
#     - https://docs.docker.com/reference/dockerfile/#workdir
#   related: [DS-0030]
#   profiles: [recommended]
package palisade.dockerfile.workdir_sysdir

import rego.v1

import data.palisade.lib.docker

_system_dirs := {"/proc", "/boot", "/dev", "/initrd", "/lost+found", "/sys"}

deny contains res if {
	some i, stage in docker.stages
	some cmd in docker.commands(stage, "workdir")
	path := trim_right(docker.unquote(cmd.Value[0]), "/")
	some dir in _system_dirs
	_under(path, dir)
	msg := sprintf("%s sets WORKDIR %q inside system directory %s", [docker.stage_label(i), cmd.Value[0], dir])
	res := result.new(msg, cmd)
}

_under(path, dir) if path == dir

_under(path, dir) if startswith(path, concat("", [dir, "/"]))
