# METADATA
# title: CPU limit missing
# description: >-
#   A container has no CPU limit. A runaway or compromised process can then starve the other pods of its node.
# custom:
#   id: KW-039
#   severity: LOW
#   input: [kubernetes]
#   remediation: Set `resources.limits.cpu` on every container and init container (a LimitRange can provide defaults).
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#     - https://avd.aquasec.com/misconfig/ksv011
#   related: [KSV-0011, kubesec:LimitsCPU, kube-score:container-resources, polaris:cpuLimitsMissing, CKV_K8S_11]
#   profiles: [recommended]
package palisade.kubernetes.cpu_limit

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Ephemeral containers cannot declare resources.
deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	entry.kind != "ephemeralContainers"
	not k8s.has_resource(entry.container, "limits", "cpu")
	res := result.new(sprintf("%s has no CPU limit", [k8s.describe(entry)]), entry.container)
}
