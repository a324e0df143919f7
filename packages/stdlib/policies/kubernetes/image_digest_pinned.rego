# METADATA
# title: Image without digest
# description: >-
#   A container image is referenced by tag only; tags are mutable, so the registry (or whoever
#   controls it) can change what runs without any change to the manifest. Images on `latest` or
#   without a tag are KW-034's finding, not this one's: one unpinned image, one finding.
# custom:
#   id: KW-035
#   severity: LOW
#   input: [kubernetes]
#   remediation: Reference the image by digest (`repo:1.2.3@sha256:…`), updated by a tool such as Renovate.
#   references:
#     - https://kubernetes.io/docs/concepts/containers/images/#image-names
#     - https://kyverno.io/policies/other/require-image-checksum/require-image-checksum/
#   related: [CKV_K8S_43, kyverno:require-image-checksum, gatekeeper:imagedigests]
#   profiles: []
package palisade.kubernetes.image_digest_pinned

import rego.v1

import data.palisade.lib.images
import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	ref := entry.container.image
	is_string(ref)
	ref != ""
	not images.is_digest_pinned(ref)
	not images.uses_latest(ref) # KW-034 reports it: one image, one finding
	res := k8s.image_result(sprintf("%s uses image %s without a digest", [k8s.describe(entry), ref]), entry)
}
