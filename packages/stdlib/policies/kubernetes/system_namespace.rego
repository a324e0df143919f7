# METADATA
# title: Workload in a system namespace
# description: >-
#   The workload is deployed to kube-system (or another system namespace), next to the cluster's
#   control-plane add-ons and their highly privileged service accounts and secrets.
# custom:
#   id: KW-053
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Deploy application workloads to their own namespace; list deliberate cluster add-ons in `exempt_namespaces`.
#   references:
#     - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces
#     - https://avd.aquasec.com/misconfig/ksv037
#   related: [KSV-0037]
#   profiles: [recommended]
package palisade.kubernetes.system_namespace

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# system_namespaces: namespaces reserved for the cluster itself.
deny contains res if {
	k8s.in_scope
	k8s.namespace in config.get("system_namespaces", ["kube-system", "kube-public", "kube-node-lease"])
	res := result.new(sprintf("%s is deployed to system namespace %s", [k8s.resource_label, k8s.namespace]), k8s.metadata)
}
