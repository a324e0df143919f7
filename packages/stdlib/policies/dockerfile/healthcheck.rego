# METADATA
# title: Final image without HEALTHCHECK
# description: >-
#   The final image has no HEALTHCHECK (or disables it with `HEALTHCHECK NONE`), so Docker cannot
#   tell a hung container from a healthy one. Final images built on `scratch`, distroless or
#   Chainguard static images are not asked for one: they have no shell or tool to run a check with,
#   and their orchestrator's probes are the usual answer.
# custom:
#   id: DF-017
#   severity: LOW
#   input: [dockerfile]
#   remediation: Add `HEALTHCHECK CMD …` to the final stage (orchestrators such as Kubernetes use their own probes and may ignore it).
#   references:
#     - https://docs.docker.com/reference/dockerfile/#healthcheck
#     - https://github.com/hadolint/hadolint/wiki/DL3057
#     - https://avd.aquasec.com/misconfig/ds026
#     - https://www.cisecurity.org/benchmark/docker
#   related: [DS-0026, DL3057, CKV_DOCKER_2, CIS-4.6, CIS-DI-0006]
#   profiles: [recommended, cis-docker]
package palisade.dockerfile.healthcheck

import rego.v1

import data.palisade.lib.docker

_checks := [c | some c in docker.final_commands; c.Cmd == "healthcheck"]

# Final images without a shell or tools to run a check with (docs/precision.md, "Decisions"): a
# HEALTHCHECK there needs a purpose-built binary, and the orchestrator's probe is the usual answer.
_shellless_images := ["scratch", "gcr.io/distroless/*", "cgr.dev/chainguard/static*"]

_shellless_base if {
	image := lower(docker.stage_infos[docker.final_chain[0]].image)
	some pattern in _shellless_images
	glob.match(pattern, null, image)
}

deny contains res if {
	count(docker.stages) > 0
	count(_checks) == 0
	not _shellless_base
	msg := sprintf("final %s has no HEALTHCHECK", [docker.stage_label(docker.final_index)])
	res := result.new(msg, docker.final_stage.Commands[0])
}

deny contains res if {
	last := _checks[count(_checks) - 1]
	upper(last.Value[0]) == "NONE"
	msg := sprintf("final %s disables the health check with HEALTHCHECK NONE", [docker.stage_label(docker.final_index)])
	res := result.new(msg, last)
}
