# METADATA
# title: Packages under denied licenses
# description: >-
#   A package in the report is under a license listed in `denied_licenses` (SPDX identifiers,
#   matched inside expressions, any case; default none) or, for Trivy's license scanner, in a
#   category listed in `denied_license_categories` (default `forbidden`).
# custom:
#   id: SR-012
#   severity: MEDIUM
#   input: [trivy, grype]
#   remediation: Replace the package with one under an acceptable license, or obtain a legal exception and waive the finding.
#   references:
#     - https://trivy.dev/latest/docs/scanner/license/
#     - https://github.com/anchore/grype
#     - https://spdx.org/licenses/
#   related: [TRV Licenses, GRY artifact.licenses]
#   profiles: [recommended]
package palisade.scanreport.license_deny

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.vulns

denied := config.get("denied_licenses", [])

denied_categories := {lower(c) | some c in config.get("denied_license_categories", ["forbidden"]); is_string(c)}

# Trivy license scanner results.
deny contains res if {
	vulns.report_kind == "trivy"
	some r in input.Results
	some l in object.get(r, "Licenses", [])
	is_object(l)
	name := vulns.str(l, "Name", "unknown license")
	why := trivy_reason(l, name)
	res := result.new(sprintf("%s in %s is licensed %s (%s) [%s]", [vulns.str(l, "PkgName", "a file"), vulns.str(l, "FilePath", vulns.str(r, "Target", "")), name, why, vulns.artifact]), l)
}

trivy_reason(l, name) := "denied license" if {
	vulns.license_denied(name, denied)
} else := sprintf("category %s", [lower(l.Category)]) if {
	is_string(l.Category)
	denied_categories[lower(l.Category)]
}

# Licenses of Trivy packages (--list-all-pkgs).
deny contains res if {
	vulns.report_kind == "trivy"
	some r in input.Results
	some p in object.get(r, "Packages", [])
	some name in object.get(p, "Licenses", [])
	is_string(name)
	vulns.license_denied(name, denied)
	res := result.new(sprintf("%s %s is licensed %s (denied license) [%s]", [vulns.str(p, "Name", "a package"), vulns.str(p, "Version", ""), name, vulns.artifact]), p)
}

# Licenses of Grype artifacts; repeated artifacts (one per match) yield equal results.
deny contains res if {
	vulns.report_kind == "grype"
	some m in input.matches
	a := m.artifact
	some name in vulns.grype_licenses(a)
	vulns.license_denied(name, denied)
	res := result.new(sprintf("%s %s is licensed %s (denied license) [%s]", [vulns.str(a, "name", "a package"), vulns.str(a, "version", ""), name, vulns.artifact]), a)
}
