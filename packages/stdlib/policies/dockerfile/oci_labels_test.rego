package palisade.dockerfile.oci_labels_test

import rego.v1

import data.palisade.dockerfile.oci_labels as policy
import data.palisade.lib.testing.dockerfile as df

test_missing_required_labels_denied if {
	res := policy.warn with input as df.dockerfile(["FROM alpine:3.20", `LABEL org.opencontainers.image.source="https://github.com/acme/app"`])
	count(res) == 1
	some r in res
	r.msg == "final stage 0 (alpine:3.20) has no org.opencontainers.image.licenses label"
	r.cause.Cmd == "from"
}

test_configured_required_labels if {
	inp := df.dockerfile(["FROM alpine:3.20", "LABEL team=payments"])
	count(policy.warn) == 0 with input as inp with data.palisade.config as {"dockerfile_required_labels": ["team"]}
	count(policy.warn) == 1 with input as inp with data.palisade.config as {"dockerfile_required_labels": ["team", "owner"]}
}

test_labels_inherited_from_parent_stage if {
	inp := df.dockerfile(["FROM alpine:3.20 AS base", `LABEL org.opencontainers.image.source=https://x.example/a org.opencontainers.image.licenses=MIT`, "FROM base"])
	count(policy.warn) == 0 with input as inp
}

test_invalid_values_denied if {
	inp := df.dockerfile([
		"FROM alpine:3.20",
		`LABEL org.opencontainers.image.source="not a url" org.opencontainers.image.licenses="Apache 2"`,
		`LABEL org.opencontainers.image.created="yesterday" org.opencontainers.image.title=""`,
	])
	res := policy.warn with input as inp
	count(res) == 4
	some r in res
	r.msg == `label org.opencontainers.image.created="yesterday" is not an RFC 3339 date-time`
}

test_valid_values_pass if {
	inp := df.dockerfile([
		"FROM alpine:3.20",
		`LABEL org.opencontainers.image.source="https://github.com/acme/app" org.opencontainers.image.licenses="Apache-2.0 OR MIT"`,
		`LABEL org.opencontainers.image.created="2024-05-01T10:00:00Z" org.opencontainers.image.revision=$GIT_SHA`,
		`LABEL org.opencontainers.image.url=git@github.com:acme/app.git description=""`,
	])
	count(policy.warn) == 0 with input as inp
}
