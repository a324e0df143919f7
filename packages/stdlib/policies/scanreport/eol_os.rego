# METADATA
# title: End-of-life base OS
# description: >-
#   Trivy reports the image's operating system as end of service life (`Metadata.OS.EOSL`):
#   the distribution no longer publishes security fixes, so vulnerability results are incomplete.
# custom:
#   id: SR-008
#   severity: HIGH
#   input: [trivy]
#   remediation: Rebuild on a supported release of the base image's distribution.
#   references:
#     - https://trivy.dev/latest/docs/references/configuration/cli/trivy_image/
#     - https://endoflife.date/
#   related: [TRV Metadata.OS.EOSL, TRV --exit-on-eol]
#   profiles: [recommended, cis-docker]
package palisade.scanreport.eol_os

import rego.v1

import data.palisade.lib.vulns

deny contains res if {
	vulns.report_kind == "trivy"
	os := input.Metadata.OS
	os.EOSL == true
	res := result.new(sprintf("%s runs %s %s, which is end-of-life and gets no security fixes", [vulns.artifact, vulns.str(os, "Family", "an OS"), vulns.str(os, "Name", "")]), os)
}
