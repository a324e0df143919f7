# METADATA
# title: Requests differ from limits
# description: >-
#   A container's CPU or memory request differs from its limit, so the pod is not in the
#   Guaranteed QoS class and can be throttled or evicted first when the node is under pressure.
# custom:
#   id: KW-043
#   severity: INFO
#   input: [kubernetes]
#   remediation: Set requests equal to limits for CPU and memory on latency-sensitive workloads.
#   references:
#     - https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#guaranteed
#     - https://kyverno.io/policies/other/memory-requests-equal-limits/memory-requests-equal-limits/
#   related: [kube-score:container-resource-requests-equal-limits, kyverno:memory-requests-equal-limits]
#   profiles: []
package palisade.kubernetes.requests_eq_limits

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Quantities are compared by value ("1" == "1000m", "1Gi" == "1024Mi"); both must be set
# (KW-038..041 report missing ones).
quantity(v) := v if is_number(v)

quantity(v) := units.parse(v) if is_string(v)

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	entry.kind != "ephemeralContainers"
	some name in ["cpu", "memory"]
	request := entry.container.resources.requests[name]
	limit := entry.container.resources.limits[name]
	quantity(request) != quantity(limit)
	res := result.new(sprintf("%s requests %v %s but is limited to %v", [k8s.describe(entry), request, name, limit]), entry.container)
}
