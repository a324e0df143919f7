# METADATA
# title: Service image on latest or untagged
# description: >-
#   A service image uses the `latest` tag or no tag and no digest, so `docker compose pull` can
#   silently change what runs. `${VAR:-default}` is resolved to its default; other variables are
#   skipped. Services with `build:` are skipped: their `image` names the image being built, not
#   one pulled.
# custom:
#   id: DC-028
#   severity: MEDIUM
#   input: [compose]
#   remediation: Pin the image to a version tag and, ideally, a digest (`postgres:16.3@sha256:…`).
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#image
#     - https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
#     - https://www.cisecurity.org/benchmark/docker
#   related: [USR-COMPOSE-0001, CIS-5.28]
#   profiles: [recommended, cis-docker]
package palisade.compose.image_tag_pinned

import rego.v1

import data.palisade.lib.compose
import data.palisade.lib.docker
import data.palisade.lib.images

deny contains res if {
	some name, svc in compose.services
	is_string(svc.image)
	not "build" in object.keys(svc) # the service builds this image: `image` names the result
	sub := docker.substitute(svc.image, {})
	sub.resolved
	images.uses_latest(sub.value)
	msg := sprintf("%s uses image %q %s", [compose.label(name), svc.image, _how(sub.value)])
	res := compose.finding(msg, name, ["image"], svc.image)
}

_how(ref) := "with the mutable latest tag" if images.has_tag(ref) else := "without a tag or digest"
