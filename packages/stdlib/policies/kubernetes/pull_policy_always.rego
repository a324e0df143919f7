# METADATA
# title: Image pull policy other than Always
# description: >-
#   A container referenced by tag does not use `imagePullPolicy: Always`, so a node reuses
#   whatever image it cached under that tag, and any pod on the node can run a private image
#   without the pull credentials being checked.
# custom:
#   id: KW-037
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Set `imagePullPolicy: Always`, or pin the image by digest.
#   references:
#     - https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy
#   related: [kube-score:container-image-pull-policy, polaris:pullPolicyNotAlways, CKV_K8S_15]
#   profiles: []
package palisade.kubernetes.pull_policy_always

import rego.v1

import data.palisade.lib.images
import data.palisade.lib.kubernetes as k8s

# Kubernetes defaults the policy to Always for `latest` (or untagged) images, IfNotPresent otherwise.
effective_policy(c) := p if {
	p := c.imagePullPolicy
	is_string(p)
	p != ""
} else := "Always" if {
	images.uses_latest(c.image)
} else := "IfNotPresent"

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	ref := entry.container.image
	images.parse(ref)
	not images.is_digest_pinned(ref)
	policy := effective_policy(entry.container)
	policy != "Always"
	msg := sprintf("%s pulls tag-based image %s with policy %s, not Always", [k8s.describe(entry), ref, policy])
	res := {"msg": msg, "path": k8s.container_field_path(entry, _field(entry.container))}
}

# The line to change: imagePullPolicy when it is written, else the image.
_field(c) := "imagePullPolicy" if is_string(c.imagePullPolicy) else := "image"
