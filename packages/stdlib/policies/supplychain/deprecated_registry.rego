# METADATA
# title: Image from a deprecated registry
# description: >-
#   An image is pulled from a registry listed in `deprecated_registries` (default `k8s.gcr.io`,
#   frozen since April 2023, and `docker.pkg.github.com`, replaced by ghcr.io): new versions and
#   fixes are not published there and pulls may stop working. Checks Kubernetes workloads, compose
#   services and Dockerfile FROM lines.
# custom:
#   id: RS-010
#   severity: LOW
#   input: [kubernetes, compose, dockerfile]
#   remediation: Pull the image from its current registry (registry.k8s.io for Kubernetes images, ghcr.io for GitHub Packages).
#   references:
#     - https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/
#     - https://kyverno.io/policies/other/restrict-deprecated-registry/restrict-deprecated-registry/
#   related: [KYV restrict-deprecated-registry]
#   profiles: [recommended]
package palisade.supplychain.deprecated_registry

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.images
import data.palisade.lib.supplychain

deprecated := config.get("deprecated_registries", ["k8s.gcr.io", "docker.pkg.github.com"])

deny contains res if {
	some x in supplychain.images_here
	images.registry_allowed(x.ref, deprecated)
	res := supplychain.image_result(sprintf("%s uses image %s from the deprecated registry %s", [x.label, x.ref, images.parse(x.ref).registry]), x)
}

deny contains res if {
	some stage in input.Stages
	some cmd in stage.Commands
	cmd.Cmd == "from"
	ref := from_image(cmd.Value)
	images.registry_allowed(ref, deprecated)
	res := result.new(sprintf("FROM %s pulls from the deprecated registry %s", [ref, images.parse(ref).registry]), cmd)
}

# The image argument of FROM (flags such as --platform come first).
from_image(values) := [v | some v in values; not startswith(v, "--")][0]
