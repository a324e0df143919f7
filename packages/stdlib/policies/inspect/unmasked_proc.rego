# METADATA
# title: Container has unmasked /proc and /sys paths
# description: >-
#   HostConfig.MaskedPaths or ReadonlyPaths is empty or null on a non-privileged container
#   (security-opt systempaths=unconfined). Docker normally hides or write-protects sensitive files
#   such as /proc/kcore, /proc/sysrq-trigger and /sys/firmware; without that the container can
#   read kernel memory or trigger host actions. Privileged containers are reported by DI-001.
# custom:
#   id: DI-023
#   severity: HIGH
#   input: [docker-inspect]
#   remediation: >-
#     Remove --security-opt systempaths=unconfined.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#security-opt
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   related: []
#   profiles: [recommended]
package palisade.inspect.unmasked_proc

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	not inspect.host_config.Privileged == true
	some field in ["MaskedPaths", "ReadonlyPaths"]
	value := inspect.host_config[field]
	value in {null, []}
	msg := sprintf("%s has no %s: /proc and /sys are exposed", [inspect.describe, field])
	res := inspect.result_at(msg, ["HostConfig", field])
}
