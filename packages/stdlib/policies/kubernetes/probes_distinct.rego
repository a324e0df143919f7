# METADATA
# title: Liveness and readiness probes are identical
# description: >-
#   A container's liveness and readiness probes check the same thing, so a temporary overload
#   that should only take the pod out of the Service also gets it restarted, which can cascade.
# custom:
#   id: KW-046
#   severity: INFO
#   input: [kubernetes]
#   remediation: Make the liveness probe check only that the process is alive, and the readiness probe that it can serve.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#     - https://kyverno.io/policies/other/ensure-probes-different/ensure-probes-different/
#   related: [kube-score:pod-probes-identical, kyverno:ensure-probes-different]
#   profiles: []
package palisade.kubernetes.probes_distinct

import rego.v1

import data.palisade.lib.kubernetes as k8s

# The probe's action, without timings and thresholds.
action(probe) := object.filter(probe, ["exec", "httpGet", "tcpSocket", "grpc"])

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	liveness := entry.container.livenessProbe
	readiness := entry.container.readinessProbe
	is_object(liveness)
	is_object(readiness)
	count(action(liveness)) > 0
	action(liveness) == action(readiness)
	res := result.new(sprintf("%s uses the same check for its liveness and readiness probes", [k8s.describe(entry)]), entry.container)
}
