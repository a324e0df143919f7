# METADATA
# title: Compose image without digest
# description: >-
#   A compose service's `image` has no `@sha256:` digest, so the registry decides what runs and a
#   signature or scan of the image cannot be tied to the deployment. Kubernetes workloads and
#   Dockerfile FROM lines have their own checks (KW-035, DF-002). References still holding
#   `${VAR}` interpolation are skipped, and so are services with `build:` (their `image` names
#   the image being built). An image on `latest` or without a tag is DC-028's finding, not this
#   one's: one unpinned image, one finding.
# custom:
#   id: RS-002
#   severity: MEDIUM
#   input: [compose]
#   remediation: Reference the image as `name:tag@sha256:<digest>` (e.g. resolve it with `docker buildx imagetools inspect`) and update digests through automation.
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#image
#     - https://kyverno.io/policies/other/require-image-checksum/require-image-checksum/
#   related: [CKV_K8S_43, KYV require-image-checksum, KYV resolve-image-to-digest, GK imagedigests, KW-035, DF-002]
#   profiles: [recommended]
package palisade.supplychain.digest_pinned

import rego.v1

import data.palisade.lib.images
import data.palisade.lib.supplychain

deny contains res if {
	supplychain.doc_kind == "compose"
	some x in supplychain.images_here
	not images.has_variable(x.ref)
	not x.build # the service builds this image: its `image` names the result
	not images.is_digest_pinned(x.ref)
	not images.uses_latest(x.ref) # DC-028 reports it: one image, one finding
	res := supplychain.image_result(sprintf("%s uses image %s, which is not pinned by digest", [x.label, x.ref]), x)
}
