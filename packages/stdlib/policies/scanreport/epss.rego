# METADATA
# title: Vulnerabilities likely to be exploited (EPSS)
# description: >-
#   A vulnerability's EPSS probability of exploitation in the next 30 days is at or above
#   `vuln_epss_threshold` (default 0.5). Grype reports carry EPSS scores; Trivy reports do not.
#   `vuln_ignore_unfixed` applies.
# custom:
#   id: SR-006
#   severity: HIGH
#   input: [grype]
#   remediation: Prioritise patching this package; EPSS ranks it among the vulnerabilities most likely to be exploited.
#   references:
#     - https://www.first.org/epss/
#     - https://github.com/anchore/grype
#   related: [GRY epss]
#   profiles: [recommended]
package palisade.scanreport.epss

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.vulns

deny contains res if {
	threshold := config.get("vuln_epss_threshold", 0.5)
	some f in vulns.findings
	is_number(f.epss)
	f.epss >= threshold
	vulns.gated(f)
	res := result.new(sprintf("%s has EPSS %v (threshold %v)", [vulns.describe(f), f.epss, threshold]), f.cause)
}
