# METADATA
# title: Ephemeral storage not bounded
# description: >-
#   A container has no ephemeral-storage request or limit, so logs and files written to its
#   writable layer or emptyDir volumes can fill the node's disk and get other pods evicted.
# custom:
#   id: KW-042
#   severity: LOW
#   input: [kubernetes]
#   remediation: Set `resources.requests.ephemeral-storage` and `resources.limits.ephemeral-storage`.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#local-ephemeral-storage
#   related: [kube-score:container-ephemeral-storage-request-and-limit]
#   profiles: []
package palisade.kubernetes.ephemeral_storage

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	entry.kind != "ephemeralContainers"
	missing := [s | some s in ["requests", "limits"]; not k8s.has_resource(entry.container, s, "ephemeral-storage")]
	count(missing) > 0
	res := result.new(sprintf("%s has no ephemeral-storage %s", [k8s.describe(entry), concat(" or ", missing)]), entry.container)
}
