# METADATA
# title: Low or unset group ID
# description: >-
#   A container's effective `runAsGroup` is unset or not above the configured threshold (10000),
#   so it may share a GID with a group of the node and gain that group's file access after an escape.
# custom:
#   id: KW-018
#   severity: LOW
#   input: [kubernetes]
#   remediation: Set `runAsGroup` (pod or container) to a GID above 10000.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://avd.aquasec.com/misconfig/ksv021
#   related: [KSV-0021, kubesec:RunAsGroup, kube-score:container-security-context-user-group-id]
#   profiles: []
package palisade.kubernetes.high_gid

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# high_id_threshold: GIDs (like UIDs in KW-016) must be strictly greater (default 10000).
deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	not high_effective(entry.container)
	res := result.new(sprintf("%s %s", [k8s.describe(entry), problem(entry.container)]), entry.container)
}

# A negated call evaluates its arguments first, so the unset case is handled inside a rule.
high_effective(c) if high(k8s.effective(c, "runAsGroup"))

high(gid) if {
	is_number(gid)
	gid > config.get("high_id_threshold", 10000)
}

problem(c) := sprintf("runs as GID %v, not above %v", [gid, config.get("high_id_threshold", 10000)]) if {
	gid := k8s.effective(c, "runAsGroup")
} else := "does not set runAsGroup"
