# METADATA
# title: Image uses the latest tag
# description: >-
#   A container image is untagged or tagged `latest` (and not pinned by digest), so each node may
#   run a different image and rollbacks are impossible.
# custom:
#   id: KW-034
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Use an immutable version tag, ideally with a digest (`repo:1.2.3@sha256:…`).
#   references:
#     - https://kubernetes.io/docs/concepts/containers/images/#image-names
#     - https://kubernetes.io/docs/concepts/configuration/overview/#container-images
#     - https://avd.aquasec.com/misconfig/ksv013
#   related: [KSV-0013, kube-score:container-image-tag, polaris:tagNotSpecified, CKV_K8S_14, kyverno:disallow-latest-tag, gatekeeper:disallowedtags]
#   profiles: [recommended]
package palisade.kubernetes.image_tag_pinned

import rego.v1

import data.palisade.lib.images
import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	ref := entry.container.image
	images.uses_latest(ref)
	res := k8s.image_result(sprintf("%s uses image %s without a version tag (latest)", [k8s.describe(entry), ref]), entry)
}
