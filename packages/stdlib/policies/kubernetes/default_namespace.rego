# METADATA
# title: Workload in the default namespace
# description: >-
#   The workload has no namespace or uses `default`, where everything without a home ends up:
#   RBAC, quotas and NetworkPolicies cannot be scoped to it.
# custom:
#   id: KW-052
#   severity: LOW
#   input: [kubernetes]
#   remediation: Set `metadata.namespace` to a dedicated namespace for the application.
#   references:
#     - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
#     - https://avd.aquasec.com/misconfig/ksv110
#   related: [KSV-0110, CKV_K8S_21, kyverno:disallow-default-namespace, CIS-K8s:5.7.4]
#   profiles: []
package palisade.kubernetes.default_namespace

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	k8s.namespace == "default"
	res := result.new(sprintf("%s %s", [k8s.resource_label, problem]), k8s.metadata)
}

problem := "is in the default namespace" if {
	k8s.namespace_set
} else := "sets no namespace (it lands in the default namespace)"
