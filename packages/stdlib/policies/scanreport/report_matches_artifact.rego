# METADATA
# title: Scan report for another digest than the deployed image
# description: >-
#   A manifest of the scan (Kubernetes workload, compose service) deploys the scanned repository
#   pinned to a digest the report does not record (Trivy `Metadata.RepoDigests`, Grype
#   `source.target.repoDigests`/`manifestDigest`), so the report says nothing about what runs.
# custom:
#   id: SR-015
#   severity: HIGH
#   input: [trivy, grype]
#   remediation: Scan the exact image digest you deploy (scan by digest or from the registry) and keep the report with the deployment.
#   references:
#     - https://trivy.dev/latest/docs/target/container_image/
#     - https://github.com/anchore/grype#supported-sources
#   related: [TRV Metadata.RepoDigests, GRY source.target.repoDigests]
#   profiles: [recommended]
package palisade.scanreport.report_matches_artifact

import rego.v1

import data.palisade.lib.images
import data.palisade.lib.supplychain
import data.palisade.lib.vulns

deny contains res if {
	image_report
	scanned := images.parse(vulns.artifact).name
	some x in supplychain.inventory_images
	deployed := images.parse(x.ref)
	deployed.name == scanned
	deployed.digest != ""
	not deployed.digest in report_digests
	res := {
		"msg": sprintf("%s deploys %s@%s, but the scan report of %s covers %s", [x.path, deployed.name, deployed.digest, vulns.artifact, digests_text]),
		"path": [],
	}
}

image_report if {
	vulns.report_kind == "trivy"
	object.get(input, "ArtifactType", "container_image") == "container_image"
}

image_report if {
	vulns.report_kind == "grype"
	object.get(object.get(input, "source", {}), "type", "image") == "image"
}

report_digests contains d if {
	some ref in vulns.repo_digests
	d := images.parse(ref).digest
	d != ""
}

report_digests contains d if {
	vulns.report_kind == "grype"
	d := input.source.target.manifestDigest
	is_string(d)
}

digests_text := concat(", ", sort(report_digests)) if {
	count(report_digests) > 0
} else := "no digest"
