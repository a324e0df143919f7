# METADATA
# title: Low or unset user ID
# description: >-
#   A container's effective `runAsUser` is unset or not above the configured threshold (10000),
#   so it may share a UID with a user of the node and gain that user's file access after an escape.
# custom:
#   id: KW-016
#   severity: LOW
#   input: [kubernetes]
#   remediation: Set `runAsUser` (pod or container) to a UID above 10000.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://avd.aquasec.com/misconfig/ksv020
#   related: [KSV-0020, kubesec:RunAsUser, kube-score:container-security-context-user-group-id, CKV_K8S_40]
#   profiles: []
package palisade.kubernetes.high_uid

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# high_id_threshold: UIDs and GIDs must be strictly greater (default 10000).
deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	not high_effective(entry.container)
	res := result.new(sprintf("%s %s", [k8s.describe(entry), problem(entry.container)]), entry.container)
}

# A negated call evaluates its arguments first, so the unset case is handled inside a rule.
high_effective(c) if high(k8s.effective(c, "runAsUser"))

high(uid) if {
	is_number(uid)
	uid > config.get("high_id_threshold", 10000)
}

problem(c) := sprintf("runs as UID %v, not above %v", [uid, config.get("high_id_threshold", 10000)]) if {
	uid := k8s.effective(c, "runAsUser")
} else := "does not set runAsUser"
