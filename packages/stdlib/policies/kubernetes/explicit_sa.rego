# METADATA
# title: Default service account used
# description: >-
#   The pod runs as the namespace's `default` service account, which every workload without an
#   explicit account shares, so permissions granted for one leak to all.
# custom:
#   id: KW-033
#   severity: LOW
#   input: [kubernetes]
#   remediation: Create a dedicated ServiceAccount for the workload and set `serviceAccountName`.
#   references:
#     - https://kubernetes.io/docs/concepts/security/service-accounts/
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/
#   related: [kubesec:ServiceAccountName, CKV_K8S_41]
#   profiles: []
package palisade.kubernetes.explicit_sa

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	k8s.service_account == "default"
	res := result.new(sprintf("%s runs as the default service account", [k8s.resource_label]), k8s.pod_spec)
}
