# METADATA
# title: Secrets in the image
# description: >-
#   Trivy's secret scanner found a credential (API key, private key, token…) in the image or
#   file system it scanned (`Results[].Secrets`). Anyone who can pull the image can read it.
# custom:
#   id: SR-010
#   severity: CRITICAL
#   input: [trivy]
#   remediation: Remove the secret from the image (use build secrets or runtime injection), rebuild, and rotate the exposed credential.
#   references:
#     - https://trivy.dev/latest/docs/scanner/secret/
#     - https://docs.docker.com/build/building/secrets/
#   related: [SECRET-CRITICAL, CIS 4.10]
#   profiles: [recommended, cis-docker]
package palisade.scanreport.secrets_in_image

import rego.v1

import data.palisade.lib.vulns

deny contains res if {
	vulns.report_kind == "trivy"
	some r in input.Results
	is_object(r)
	some s in object.get(r, "Secrets", [])
	is_object(s)
	res := result.new(sprintf("%s (%s, %s) found in %s%s [%s]", [
		vulns.str(s, "Title", "secret"), vulns.str(s, "RuleID", "unknown rule"),
		vulns.normalize_severity(vulns.str(s, "Severity", "UNKNOWN")),
		vulns.str(r, "Target", "a file"), line_text(s), vulns.artifact,
	]), s)
}

line_text(s) := sprintf(" line %d", [s.StartLine]) if {
	is_number(s.StartLine)
} else := ""
