# METADATA
# title: Service mesh sidecar disabled or bypassed
# description: >-
#   The pod opts out of the service mesh (Istio `sidecar.istio.io/inject: "false"`, Linkerd
#   `linkerd.io/inject: disabled`) or excludes ports or address ranges from its proxy, so that
#   traffic skips mTLS and mesh authorization policies.
# custom:
#   id: KW-060
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Remove the opt-out and port/IP exclusions; handle legitimate exceptions at namespace level with review.
#   references:
#     - https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/#controlling-the-injection-policy
#     - https://linkerd.io/2/features/proxy-injection/
#     - https://kyverno.io/policies/istio/prevent-disabling-injection-pods/prevent-disabling-injection-pods/
#   related: [kyverno:prevent-disabling-injection-pods, kyverno:prevent-linkerd-pod-injection-override, kyverno:prevent-linkerd-port-skipping]
#   profiles: [recommended]
package palisade.kubernetes.mesh_injection_optout

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Istio reads the injection switch from a label (current) or an annotation (legacy).
opt_out(key, value) if {
	key == "sidecar.istio.io/inject"
	lower(value) == "false"
}

opt_out(key, value) if {
	key == "linkerd.io/inject"
	lower(value) == "disabled"
}

bypass_keys := {
	"traffic.sidecar.istio.io/excludeInboundPorts", "traffic.sidecar.istio.io/excludeOutboundPorts",
	"traffic.sidecar.istio.io/excludeOutboundIPRanges", "traffic.sidecar.istio.io/excludeInterfaces",
	"config.linkerd.io/skip-inbound-ports", "config.linkerd.io/skip-outbound-ports",
	"config.linkerd.io/skip-subnets",
}

pod_marks contains [where, key, value, source] if {
	some [where, source] in [["label", k8s.pod_labels], ["annotation", k8s.pod_annotations]]
	some key, value in source
	is_string(value)
}

deny contains res if {
	k8s.in_scope
	some [where, key, value, source] in pod_marks
	opt_out(key, value)
	res := result.new(sprintf("%s disables service mesh injection (%s %s: %s)", [k8s.resource_label, where, key, value]), source)
}

deny contains res if {
	k8s.in_scope
	some [where, key, value, source] in pod_marks
	where == "annotation"
	bypass_keys[key]
	trim_space(value) != ""
	res := result.new(sprintf("%s bypasses the mesh proxy (%s: %s)", [k8s.resource_label, key, value]), source)
}
