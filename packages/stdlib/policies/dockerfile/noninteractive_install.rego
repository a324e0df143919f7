# METADATA
# title: Interactive package install
# description: apt-get/apt, yum/dnf or zypper install runs without the flag that answers prompts (`-y`, `-n`), so the build can hang or fail on a confirmation prompt.
# custom:
#   id: DF-025
#   severity: LOW
#   input: [dockerfile]
#   remediation: Add `-y` (apt-get, yum, dnf) or `-n`/`--non-interactive` (zypper) to package installs.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3014
#     - https://github.com/hadolint/hadolint/wiki/DL3030
#     - https://github.com/hadolint/hadolint/wiki/DL3034
#     - https://github.com/hadolint/hadolint/wiki/DL3038
#     - https://avd.aquasec.com/misconfig/ds021
#   related: [DS-0021, DL3014, DL3030, DL3034, DL3038]
#   profiles: [recommended]
package palisade.dockerfile.noninteractive_install

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

_checked_tools := {"apt-get", "apt", "aptitude", "yum", "dnf", "zypper"}

deny contains res if {
	some run in docker.runs
	some c in run.commands
	inst := shell.install(c)
	inst.tool in _checked_tools
	not _assumes_yes(inst)
	msg := sprintf("%s runs `%s install` without a non-interactive flag (-y)", [docker.stage_label(run.index), inst.tool])
	res := result.new(msg, run.cmd)
}

_assumes_yes(inst) if {
	inst.manager in {"apt", "rpm"}
	shell.has_flag(inst.args, "-y")
}

_assumes_yes(inst) if {
	inst.manager == "apt"
	some flag in ["--yes", "--assume-yes", "-qq", "-q=2", "--quiet=2"]
	flag in inst.args
}

_assumes_yes(inst) if {
	inst.manager == "apt"
	some a in inst.args
	regex.match(`^-[a-zA-Z]*q[a-zA-Z]*q`, a)
}

_assumes_yes(inst) if {
	inst.manager == "rpm"
	shell.has_flag(inst.args, "--assumeyes")
}

_assumes_yes(inst) if {
	inst.manager == "zypper"
	some flag in ["-n", "-y", "--non-interactive", "--no-confirm"]
	shell.has_flag(inst.args, flag)
}
