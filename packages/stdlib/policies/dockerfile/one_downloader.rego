# METADATA
# title: Both curl and wget used
# description: The Dockerfile uses both curl and wget; one tool is enough and each adds packages (and CVEs) to the image.
# custom:
#   id: DF-023
#   severity: LOW
#   input: [dockerfile]
#   remediation: Pick either curl or wget and use it for every download.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL4001
#     - https://avd.aquasec.com/misconfig/ds014
#   related: [DS-0014, DL4001]
#   profiles: [recommended]
package palisade.dockerfile.one_downloader

import rego.v1

import data.palisade.lib.docker

_using(tool) := [run | some run in docker.runs; some c in run.commands; c.program == tool]

deny contains res if {
	curl := _using("curl")
	wget := _using("wget")
	count(curl) > 0
	count(wget) > 0
	first := wget[0]
	msg := sprintf("%s uses wget while line %d uses curl; use one download tool", [docker.stage_label(first.index), curl[0].cmd.StartLine])
	res := result.new(msg, first.cmd)
}
