# METADATA
# title: Memory request missing
# description: >-
#   A container has no memory request. The scheduler then places it as if it needed no memory, and it is among the first evicted under pressure.
# custom:
#   id: KW-040
#   severity: LOW
#   input: [kubernetes]
#   remediation: Set `resources.requests.memory` on every container and init container (a LimitRange can provide defaults).
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#     - https://avd.aquasec.com/misconfig/ksv016
#   related: [KSV-0016, kubesec:RequestsMemory, kube-score:container-resources, polaris:memoryRequestsMissing, CKV_K8S_12]
#   profiles: []
package palisade.kubernetes.memory_request

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Ephemeral containers cannot declare resources.
deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	entry.kind != "ephemeralContainers"
	not k8s.has_resource(entry.container, "requests", "memory")
	res := result.new(sprintf("%s has no memory request", [k8s.describe(entry)]), entry.container)
}
