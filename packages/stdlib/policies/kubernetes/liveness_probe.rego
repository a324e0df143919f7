# METADATA
# title: Liveness probe missing
# description: >-
#   A container has no `livenessProbe`, so the kubelet cannot detect a hung process and restart it.
# custom:
#   id: KW-044
#   severity: LOW
#   input: [kubernetes]
#   remediation: Add a `livenessProbe` (httpGet, tcpSocket, grpc or exec) that reflects the application's health.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#   related: [polaris:livenessProbeMissing, CKV_K8S_8, kube-score:pod-probes, kyverno:require-probes]
#   profiles: []
package palisade.kubernetes.liveness_probe

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Only long-running app containers: not init/ephemeral containers, nor Job and CronJob pods.
deny contains res if {
	k8s.in_scope
	not k8s.kind in {"Job", "CronJob"}
	some entry in k8s.containers
	entry.kind == "containers"
	not is_object(object.get(entry.container, "livenessProbe", null))
	res := result.new(sprintf("%s has no livenessProbe", [k8s.describe(entry)]), entry.container)
}
