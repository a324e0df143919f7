# METADATA
# title: Banned package versions
# description: >-
#   The report lists a package `denied_packages` bans: entries `{name, below?, versions?, reason?}`
#   ban versions lower than `below`, the exact `versions`, or (with neither) every version.
#   The default bans log4j-core below 2.17.1 (Log4Shell and its follow-up CVEs).
# custom:
#   id: SR-013
#   severity: HIGH
#   input: [trivy, grype]
#   remediation: Upgrade or remove the banned package and rebuild the image.
#   references:
#     - https://logging.apache.org/log4j/2.x/security.html
#     - https://www.cisa.gov/news-events/news/apache-log4j-vulnerability-guidance
#   related: [KYV mitigate-log4shell]
#   profiles: [recommended]
package palisade.scanreport.package_denylist

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.vulns

default_denylist := [{"name": "log4j-core", "below": "2.17.1", "reason": "Log4Shell (CVE-2021-44228, CVE-2021-45046, CVE-2021-44832)"}]

deny contains res if {
	some rule in config.get("denied_packages", default_denylist)
	is_string(rule.name)
	hits := [e | some e in vulns.package_entries; e.name == rule.name; banned(rule, e.version)]
	some version in {e.version | some e in hits}
	cause := [e.cause | some e in hits; e.version == version][0]
	res := result.new(sprintf("%s %s is banned (%s) [%s]", [rule.name, version, reason(rule), vulns.artifact]), cause)
}

banned(rule, version) if {
	is_string(rule.below)
	vulns.version_less(version, rule.below)
}

banned(rule, version) if version in rule.versions

banned(rule, _) if {
	not rule.below
	not rule.versions
}

reason(rule) := sprintf("%s; allowed from %s", [rule.reason, rule.below]) if {
	is_string(rule.reason)
	is_string(rule.below)
} else := rule.reason if {
	is_string(rule.reason)
} else := sprintf("allowed from %s", [rule.below]) if {
	is_string(rule.below)
} else := "denied package"
