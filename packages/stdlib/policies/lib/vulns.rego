# METADATA
# title: Vulnerability report helpers
# description: >-
#   One normalized view of the vulnerabilities of a Trivy (SchemaVersion 2) or Grype JSON report,
#   so the SR-* policies gate both tools the same way. Findings VEX marks not_affected are dropped
#   (Trivy Status "not_affected"; Grype already moves them to ignoredMatches).
package palisade.lib.vulns

import rego.v1

import data.palisade.lib.config

# --- report kind -------------------------------------------------------------------------

# "trivy" or "grype": the loader's verdict when there is one, the report's shape otherwise
# (tests and `palisade eval` may give a bare report without document metadata).
report_kind := k if {
	k := data.palisade.document.kind
	k in {"trivy", "grype"}
} else := "trivy" if {
	not data.palisade.document.kind
	is_number(input.SchemaVersion)
	is_array(input.Results)
} else := "grype" if {
	not data.palisade.document.kind
	is_array(input.matches)
}

is_report if report_kind

# The scanned artifact as the report names it (image reference, directory…).
artifact := a if {
	report_kind == "trivy"
	a := input.ArtifactName
	is_string(a)
} else := a if {
	report_kind == "grype"
	a := input.source.target.userInput
	is_string(a)
} else := a if {
	report_kind == "grype"
	a := input.source.target
	is_string(a)
} else := "the scanned artifact"

# Digests (`repo@sha256:…`) the report ties the artifact to.
repo_digests := [d | some d in input.Metadata.RepoDigests; is_string(d)] if {
	report_kind == "trivy"
} else := [d | some d in input.source.target.repoDigests; is_string(d)] if {
	report_kind == "grype"
} else := []

# When the scan ran (RFC 3339 text), or undefined.
created_at := t if {
	report_kind == "trivy"
	t := input.CreatedAt
	is_string(t)
} else := t if {
	report_kind == "grype"
	t := input.descriptor.timestamp
	is_string(t)
}

# When the vulnerability database was built, or undefined (only Grype records it).
db_built_at := t if {
	report_kind == "grype"
	t := input.descriptor.db.built
	is_string(t)
}

# --- severities --------------------------------------------------------------------------

severities := ["UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"]

severity_order := {"UNKNOWN": 0, "LOW": 1, "MEDIUM": 2, "HIGH": 3, "CRITICAL": 4}

# Trivy and Grype spellings onto one scale; Grype's "Negligible" counts as LOW.
normalize_severity(s) := "LOW" if {
	upper(s) == "NEGLIGIBLE"
} else := u if {
	u := upper(s)
	severity_order[u]
} else := "UNKNOWN"

# vuln_unknown_severity_as: the severity an UNKNOWN finding is gated as (UNKNOWN = never
# reaches a threshold; SR-017 reports such findings instead).
unknown_as := s if {
	s := upper(config.get("vuln_unknown_severity_as", "UNKNOWN"))
	severity_order[s]
} else := "UNKNOWN"

# The severity a finding is gated with.
effective_severity(f) := unknown_as if {
	f.severity == "UNKNOWN"
} else := f.severity

# Whether finding f is at or above a threshold severity (a configured string, any case).
at_least(f, threshold) if {
	severity_order[effective_severity(f)] >= severity_order[upper(threshold)]
	effective_severity(f) != "UNKNOWN"
}

severity_at_least(sev, threshold) if {
	severity_order[normalize_severity(sev)] >= severity_order[upper(threshold)]
}

# --- findings ----------------------------------------------------------------------------

# Every open vulnerability as
# {id, aliases, severity, package, installed, fixed, fix_state, has_fix, cvss, epss, kev,
#  published, fix_date, purl, pkg_type, target, artifact, source, cause}
# where `cause` is the report's own object (Trivy vulnerability entry, Grype match).
findings := array.concat(trivy_findings, grype_findings)

trivy_findings := [f |
	report_kind == "trivy"
	some r in input.Results
	is_object(r)
	some v in object.get(r, "Vulnerabilities", [])
	is_object(v)
	object.get(v, "Status", "") != "not_affected"
	f := trivy_finding(r, v)
]

trivy_finding(r, v) := {
	"id": str(v, "VulnerabilityID", "unknown"),
	"aliases": [],
	"severity": normalize_severity(str(v, "Severity", "UNKNOWN")),
	"package": str(v, "PkgName", "unknown"),
	"installed": str(v, "InstalledVersion", ""),
	"fixed": trivy_fixed(v),
	"fix_state": trivy_fix_state(v),
	"has_fix": trivy_fixed(v) != null,
	"cvss": trivy_cvss(v),
	"epss": null,
	"kev": false,
	"published": opt_str(v, "PublishedDate"),
	"fix_date": null,
	"purl": opt_str(object.get(v, "PkgIdentifier", {}), "PURL"),
	"pkg_type": str(r, "Type", ""),
	"target": str(r, "Target", ""),
	"artifact": artifact,
	"source": "trivy",
	"cause": v,
}

trivy_fixed(v) := s if {
	s := v.FixedVersion
	is_string(s)
	trim_space(s) != ""
} else := null

# Trivy's Status onto Grype's fix states (fixed | not-fixed | wont-fix | deferred | unknown).
trivy_status_map := {
	"fixed": "fixed",
	"affected": "not-fixed",
	"under_investigation": "not-fixed",
	"will_not_fix": "wont-fix",
	"end_of_life": "wont-fix",
	"fix_deferred": "deferred",
}

trivy_fix_state(v) := trivy_status_map[v.Status] if {
	is_string(v.Status)
	trivy_status_map[v.Status]
} else := "fixed" if {
	trivy_fixed(v) != null
} else := "unknown"

# Highest CVSS v3/v4 base score any source gives; v2 only when no newer score exists.
trivy_cvss(v) := max(scores) if {
	scores := [s |
		some src in object.get(v, "CVSS", {})
		is_object(src)
		some k in ["V3Score", "V40Score"]
		s := src[k]
		is_number(s)
	]
	count(scores) > 0
} else := max(scores) if {
	scores := [s |
		some src in object.get(v, "CVSS", {})
		is_object(src)
		s := src.V2Score
		is_number(s)
	]
	count(scores) > 0
} else := null

grype_findings := [f |
	report_kind == "grype"
	some m in input.matches
	is_object(m)
	is_object(m.vulnerability)
	f := grype_finding(m, m.vulnerability, object.get(m, "artifact", {}))
]

grype_finding(m, v, a) := {
	"id": str(v, "id", "unknown"),
	"aliases": [id |
		some rv in object.get(m, "relatedVulnerabilities", [])
		id := rv.id
		is_string(id)
		id != v.id
	],
	"severity": normalize_severity(str(v, "severity", "UNKNOWN")),
	"package": str(a, "name", "unknown"),
	"installed": str(a, "version", ""),
	"fixed": grype_fixed(v),
	"fix_state": grype_fix_state(v),
	"has_fix": grype_fixed(v) != null,
	"cvss": grype_cvss(m, v),
	"epss": grype_epss(v),
	"kev": grype_kev(v),
	"published": null,
	"fix_date": grype_fix_date(v),
	"purl": opt_str(a, "purl"),
	"pkg_type": str(a, "type", ""),
	"target": grype_target(a),
	"artifact": artifact,
	"source": "grype",
	"cause": m,
}

grype_fix_versions(v) := [x | some x in v.fix.versions; is_string(x); x != ""] if {
	is_array(v.fix.versions)
} else := []

grype_fixed(v) := concat(", ", grype_fix_versions(v)) if {
	count(grype_fix_versions(v)) > 0
} else := null

grype_fix_state(v) := s if {
	s := v.fix.state
	s in {"fixed", "not-fixed", "wont-fix", "deferred", "unknown"}
} else := "fixed" if {
	grype_fixed(v) != null
} else := "unknown"

# The match's own CVSS entries and those of related records (NVD's score often sits there).
grype_cvss(m, v) := max(scores) if {
	own := [s | some c in object.get(v, "cvss", []); s := c.metrics.baseScore; is_number(s)]
	related := [s |
		some rv in object.get(m, "relatedVulnerabilities", [])
		some c in object.get(rv, "cvss", [])
		s := c.metrics.baseScore
		is_number(s)
	]
	scores := array.concat(own, related)
	count(scores) > 0
} else := null

grype_epss(v) := max(scores) if {
	scores := [s | some e in object.get(v, "epss", []); s := e.epss; is_number(s)]
	count(scores) > 0
} else := null

grype_kev(v) if {
	is_array(v.knownExploited)
	count(v.knownExploited) > 0
} else := false

# Earliest date a fix was seen, or null.
grype_fix_date(v) := min(dates) if {
	dates := [d | some x in v.fix.available; d := x.date; is_string(d)]
	count(dates) > 0
} else := null

# The first location of the artifact (grype lists every file a package was found in).
grype_target(a) := paths[0] if {
	paths := [p | some loc in a.locations; p := loc.path; is_string(p)]
	count(paths) > 0
} else := artifact

# --- describing --------------------------------------------------------------------------

# `CVE-2023-38545 (CRITICAL) in curl 7.74.0 (fixed in 7.74.1) [registry/app:1.0]`
describe(f) := sprintf("%s (%s) in %s %s (%s) [%s]", [f.id, f.severity, f.package, f.installed, fix_text(f), f.artifact])

fix_text(f) := sprintf("fixed in %s", [f.fixed]) if {
	f.fixed != null
} else := sprintf("no fix: %s", [f.fix_state])

# --- small helpers -----------------------------------------------------------------------

str(obj, key, default_value) := s if {
	s := obj[key]
	is_string(s)
	s != ""
} else := default_value

opt_str(obj, key) := str(obj, key, null)

# Nanoseconds since the epoch of an RFC 3339 timestamp or a plain YYYY-MM-DD date.
# (Values are bound in the bodies: a failing head call would not fall through to `else` here.)
# Shapes are checked first so no builtin error is raised (they abort under strict builtin errors).
to_ns(s) := ns if {
	is_string(s)
	regex.match(`^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}`, s)
	ns := time.parse_rfc3339_ns(s)
} else := ns if {
	is_string(s)
	regex.match(`^\d{4}-\d{2}-\d{2}$`, s)
	ns := time.parse_ns("2006-01-02", s)
}

hours_ns := 3600 * 1000000000

days_ns := 24 * hours_ns

# Loose version order for package denylists: numeric runs compared left to right
# ("2.14.1" < "2.17" < "2.17.1"); good enough for upstream versions, not for distro epochs.
version_numbers(v) := [to_number(x) | some x in regex.find_n(`[0-9]+`, v, -1)]

version_less(a, b) if version_numbers(a) < version_numbers(b)

# vuln_ignore_unfixed: leave vulnerabilities without a released fix out of the gates.
gated(f) if f.has_fix

gated(f) if {
	not f.has_fix
	config.get("vuln_ignore_unfixed", false) != true
}

# --- suppressions ------------------------------------------------------------------------

# Suppression entries of a `.trivyignore.yaml` ({vulnerabilities|misconfigurations|secrets|licenses:
# [{id, paths, purls, expired_at, statement}]}) or of a Grype configuration (`ignore: [{vulnerability,
# package, reason, fix-state, vex-status, vex-justification}]`) loaded as a YAML/JSON document, as
# [{tool, id, scoped, expires, reason, cause}]. `expires` (our extension for Grype, which has no
# expiry) and `reason` are "" when absent.
suppressions := array.concat(trivyignore_entries, grype_ignore_rules) if {
	suppression_document
} else := []

suppression_document if {
	data.palisade.document.kind in {"yaml", "json"}
}

suppression_document if not data.palisade.document.kind

trivyignore_sections := ["vulnerabilities", "misconfigurations", "secrets", "licenses"]

trivyignore_entries := [e |
	is_object(input)
	some section in trivyignore_sections
	some x in input[section]
	is_object(x)
	is_string(x.id)
	e := {
		"tool": "trivy",
		"id": x.id,
		"scoped": count(array.concat(list(x, "paths"), list(x, "purls"))) > 0,
		"expires": str(x, "expired_at", ""),
		"reason": str(x, "statement", ""),
		"cause": x,
	}
]

grype_ignore_rules := [e |
	is_object(input)
	is_array(input.ignore)
	some x in input.ignore
	is_object(x)
	e := {
		"tool": "grype",
		"id": str(x, "vulnerability", "any vulnerability"),
		"scoped": grype_rule_scoped(x),
		"expires": grype_rule_expiry(x),
		"reason": grype_rule_reason(x),
		"cause": x,
	}
]

grype_rule_scoped(x) if {
	is_string(x.vulnerability)
	is_object(x.package)
	count(x.package) > 0
} else := false

grype_rule_expiry(x) := str(x, "expires", str(x, "expired_at", ""))

grype_rule_reason(x) := str(x, "reason", str(x, "vex-justification", ""))

list(obj, key) := l if {
	l := obj[key]
	is_array(l)
} else := []

# --- packages and licenses ---------------------------------------------------------------

# Packages the report lists, as [{name, version, cause}] (repeats possible): Trivy `Packages`
# (with --list-all-pkgs) and vulnerable packages; Grype matched artifacts.
package_entries := array.concat(trivy_packages, grype_packages)

trivy_packages := array.concat(
	[{"name": p.Name, "version": str(p, "Version", ""), "cause": p} |
		report_kind == "trivy"
		some r in input.Results
		some p in object.get(r, "Packages", [])
		is_string(p.Name)
	],
	[{"name": v.PkgName, "version": str(v, "InstalledVersion", ""), "cause": v} |
		report_kind == "trivy"
		some r in input.Results
		some v in object.get(r, "Vulnerabilities", [])
		is_string(v.PkgName)
	],
)

grype_packages := [{"name": a.name, "version": str(a, "version", ""), "cause": a} |
	report_kind == "grype"
	some m in input.matches
	a := m.artifact
	is_string(a.name)
]

# License names of a Grype artifact (plain strings or {value, spdxExpression} objects).
grype_licenses(a) := [l |
	some x in object.get(a, "licenses", [])
	l := license_name(x)
]

license_name(x) := x if is_string(x)

license_name(x) := n if {
	is_object(x)
	n := str(x, "spdxExpression", str(x, "value", ""))
	n != ""
}

# Whether a license name or SPDX expression names one of the denied identifiers (any case).
license_denied(name, denied) if {
	some d in denied
	is_string(d)
	some token in regex.split(`[\s()]+`, upper(name))
	token == upper(d)
}
