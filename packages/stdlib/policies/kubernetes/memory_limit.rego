# METADATA
# title: Memory limit missing
# description: >-
#   A container has no memory limit. A leak or an attack can then exhaust the node's memory and get other pods killed.
# custom:
#   id: KW-041
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Set `resources.limits.memory` on every container and init container (a LimitRange can provide defaults).
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#     - https://avd.aquasec.com/misconfig/ksv018
#   related: [KSV-0018, kubesec:LimitsMemory, kube-score:container-resources, polaris:memoryLimitsMissing, CKV_K8S_13]
#   profiles: [recommended]
package palisade.kubernetes.memory_limit

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Ephemeral containers cannot declare resources.
deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	entry.kind != "ephemeralContainers"
	not k8s.has_resource(entry.container, "limits", "memory")
	res := result.new(sprintf("%s has no memory limit", [k8s.describe(entry)]), entry.container)
}
