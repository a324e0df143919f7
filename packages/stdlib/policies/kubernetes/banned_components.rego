# METADATA
# title: Banned component deployed
# description: >-
#   The workload runs a component with a history of cluster takeovers: Helm 2's Tiller (an
#   unauthenticated in-cluster endpoint with cluster-admin rights) or the Kubernetes Dashboard.
# custom:
#   id: KW-058
#   severity: HIGH
#   input: [kubernetes]
#   remediation: Remove Tiller (Helm 3 needs no in-cluster component) and the Dashboard; use kubectl or a dashboard outside the cluster with per-user credentials.
#   references:
#     - https://helm.sh/docs/faq/changes_since_helm2/#removal-of-tiller
#     - https://avd.aquasec.com/misconfig/ksv102
#     - https://kyverno.io/policies/best-practices/disallow-helm-tiller/disallow-helm-tiller/
#   related: [KSV-0102, CKV_K8S_33, CKV_K8S_34, CKV_K8S_44, CKV_K8S_45, kyverno:disallow-helm-tiller]
#   profiles: [recommended]
package palisade.kubernetes.banned_components

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# banned_images: regular expressions matched against the image reference.
default_banned := [
	`(^|/)tiller([:@]|$)`,
	`(^|/)kubernetes-dashboard(-[a-z0-9]+)?([:@]|$)`,
	`(^|/)kubernetesui/dashboard(-[a-z0-9]+)?([:@]|$)`,
]

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	ref := entry.container.image
	is_string(ref)
	some pattern in config.get("banned_images", default_banned)
	regex.match(pattern, ref)
	res := k8s.image_result(sprintf("%s runs banned component image %s", [k8s.describe(entry), ref]), entry)
}
