# METADATA
# title: Image older than the rebuild limit
# description: >-
#   The image was created more than `max_image_age_days` (default 365) ago, so it misses every
#   base-image and package fix published since. Reads `docker image inspect` objects (`Created`)
#   and the image config of Trivy reports (`created`).
# custom:
#   id: RS-009
#   severity: LOW
#   input: [docker-inspect, trivy]
#   remediation: Rebuild the image on a current base image regularly (scheduled builds) and redeploy.
#   references:
#     - https://kyverno.io/policies/other/block-stale-images/block-stale-images/
#   related: [KYV block-stale-images]
#   profiles: [recommended]
package palisade.supplychain.image_age

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.supplychain
import data.palisade.lib.vulns

deny contains res if {
	max_days := config.get("max_image_age_days", 365)
	img := supplychain.image_config
	created := vulns.to_ns(img.created)
	created > 0
	age := floor((time.now_ns() - created) / vulns.days_ns)
	age > max_days
	res := result.new(sprintf("image %s was created %d days ago (%s); the limit is %v days", [img.name, age, img.created, max_days]), img.cause)
}
