# METADATA
# title: CPU request missing
# description: >-
#   A container has no CPU request. The scheduler then places it as if it needed no CPU, which overcommits nodes.
# custom:
#   id: KW-038
#   severity: LOW
#   input: [kubernetes]
#   remediation: Set `resources.requests.cpu` on every container and init container (a LimitRange can provide defaults).
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#     - https://avd.aquasec.com/misconfig/ksv015
#   related: [KSV-0015, kubesec:RequestsCPU, kube-score:container-resources, polaris:cpuRequestsMissing, CKV_K8S_10]
#   profiles: []
package palisade.kubernetes.cpu_request

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Ephemeral containers cannot declare resources.
deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	entry.kind != "ephemeralContainers"
	not k8s.has_resource(entry.container, "requests", "cpu")
	res := result.new(sprintf("%s has no CPU request", [k8s.describe(entry)]), entry.container)
}
