# METADATA
# title: Removed API version
# description: >-
#   The resource uses an apiVersion that Kubernetes has removed; current clusters reject the
#   manifest, and tools that still accept it hide the breakage until the next upgrade.
# custom:
#   id: KW-057
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Migrate the manifest to the replacement apiVersion (kubectl convert can help) and adjust the fields that changed.
#   references:
#     - https://kubernetes.io/docs/reference/using-api/deprecation-guide/
#     - https://avd.aquasec.com/misconfig/ksv107
#   related: [KSV-0107, kube-score:stable-version, gatekeeper:verifydeprecatedapi, kyverno:check-deprecated-apis]
#   profiles: [recommended]
package palisade.kubernetes.deprecated_api

import rego.v1

import data.palisade.lib.kubernetes as k8s

# "apiVersion Kind" → [release that removed it, replacement].
removed := {
	"extensions/v1beta1 Deployment": ["1.16", "apps/v1"],
	"extensions/v1beta1 DaemonSet": ["1.16", "apps/v1"],
	"extensions/v1beta1 ReplicaSet": ["1.16", "apps/v1"],
	"extensions/v1beta1 NetworkPolicy": ["1.16", "networking.k8s.io/v1"],
	"extensions/v1beta1 PodSecurityPolicy": ["1.16", "Pod Security Admission"],
	"extensions/v1beta1 Ingress": ["1.22", "networking.k8s.io/v1"],
	"apps/v1beta1 Deployment": ["1.16", "apps/v1"],
	"apps/v1beta1 StatefulSet": ["1.16", "apps/v1"],
	"apps/v1beta1 ReplicaSet": ["1.16", "apps/v1"],
	"apps/v1beta2 Deployment": ["1.16", "apps/v1"],
	"apps/v1beta2 StatefulSet": ["1.16", "apps/v1"],
	"apps/v1beta2 DaemonSet": ["1.16", "apps/v1"],
	"apps/v1beta2 ReplicaSet": ["1.16", "apps/v1"],
	"networking.k8s.io/v1beta1 Ingress": ["1.22", "networking.k8s.io/v1"],
	"networking.k8s.io/v1beta1 IngressClass": ["1.22", "networking.k8s.io/v1"],
	"rbac.authorization.k8s.io/v1beta1 ClusterRole": ["1.22", "rbac.authorization.k8s.io/v1"],
	"rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding": ["1.22", "rbac.authorization.k8s.io/v1"],
	"rbac.authorization.k8s.io/v1beta1 Role": ["1.22", "rbac.authorization.k8s.io/v1"],
	"rbac.authorization.k8s.io/v1beta1 RoleBinding": ["1.22", "rbac.authorization.k8s.io/v1"],
	"admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration": ["1.22", "admissionregistration.k8s.io/v1"],
	"admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration": ["1.22", "admissionregistration.k8s.io/v1"],
	"apiextensions.k8s.io/v1beta1 CustomResourceDefinition": ["1.22", "apiextensions.k8s.io/v1"],
	"apiregistration.k8s.io/v1beta1 APIService": ["1.22", "apiregistration.k8s.io/v1"],
	"certificates.k8s.io/v1beta1 CertificateSigningRequest": ["1.22", "certificates.k8s.io/v1"],
	"coordination.k8s.io/v1beta1 Lease": ["1.22", "coordination.k8s.io/v1"],
	"scheduling.k8s.io/v1beta1 PriorityClass": ["1.22", "scheduling.k8s.io/v1"],
	"storage.k8s.io/v1beta1 CSIDriver": ["1.22", "storage.k8s.io/v1"],
	"storage.k8s.io/v1beta1 CSINode": ["1.22", "storage.k8s.io/v1"],
	"storage.k8s.io/v1beta1 StorageClass": ["1.22", "storage.k8s.io/v1"],
	"storage.k8s.io/v1beta1 VolumeAttachment": ["1.22", "storage.k8s.io/v1"],
	"batch/v1beta1 CronJob": ["1.25", "batch/v1"],
	"batch/v2alpha1 CronJob": ["1.21", "batch/v1"],
	"policy/v1beta1 PodDisruptionBudget": ["1.25", "policy/v1"],
	"policy/v1beta1 PodSecurityPolicy": ["1.25", "Pod Security Admission"],
	"autoscaling/v2beta1 HorizontalPodAutoscaler": ["1.25", "autoscaling/v2"],
	"autoscaling/v2beta2 HorizontalPodAutoscaler": ["1.26", "autoscaling/v2"],
	"discovery.k8s.io/v1beta1 EndpointSlice": ["1.25", "discovery.k8s.io/v1"],
	"events.k8s.io/v1beta1 Event": ["1.25", "events.k8s.io/v1"],
	"node.k8s.io/v1beta1 RuntimeClass": ["1.25", "node.k8s.io/v1"],
	"storage.k8s.io/v1beta1 CSIStorageCapacity": ["1.27", "storage.k8s.io/v1"],
	"flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema": ["1.26", "flowcontrol.apiserver.k8s.io/v1"],
	"flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration": ["1.26", "flowcontrol.apiserver.k8s.io/v1"],
	"flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema": ["1.29", "flowcontrol.apiserver.k8s.io/v1"],
	"flowcontrol.apiserver.k8s.io/v1beta2 PriorityLevelConfiguration": ["1.29", "flowcontrol.apiserver.k8s.io/v1"],
	"flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema": ["1.32", "flowcontrol.apiserver.k8s.io/v1"],
	"flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration": ["1.32", "flowcontrol.apiserver.k8s.io/v1"],
}

# Applies to every resource kind (not only workloads); the exemption list still holds.
deny contains res if {
	not k8s.exempt
	api := k8s.object.apiVersion
	is_string(api)
	[release, replacement] := removed[concat(" ", [api, k8s.kind])]
	res := result.new(sprintf("%s uses %s, removed in Kubernetes %s; use %s", [k8s.resource_label, api, release, replacement]), k8s.object)
}
