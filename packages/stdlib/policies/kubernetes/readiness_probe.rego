# METADATA
# title: Readiness probe missing
# description: >-
#   A container has no `readinessProbe`, so Services send traffic to it before it is ready and while it is failing.
# custom:
#   id: KW-045
#   severity: LOW
#   input: [kubernetes]
#   remediation: Add a `readinessProbe` (httpGet, tcpSocket, grpc or exec) that reflects the application's health.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#   related: [polaris:readinessProbeMissing, CKV_K8S_9, kube-score:pod-probes]
#   profiles: []
package palisade.kubernetes.readiness_probe

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Only long-running app containers: not init/ephemeral containers, nor Job and CronJob pods.
deny contains res if {
	k8s.in_scope
	not k8s.kind in {"Job", "CronJob"}
	some entry in k8s.containers
	entry.kind == "containers"
	not is_object(object.get(entry.container, "readinessProbe", null))
	res := result.new(sprintf("%s has no readinessProbe", [k8s.describe(entry)]), entry.container)
}
