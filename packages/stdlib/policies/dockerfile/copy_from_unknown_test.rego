package palisade.dockerfile.copy_from_unknown_test

import rego.v1

import data.palisade.dockerfile.copy_from_unknown as policy
import data.palisade.lib.testing.dockerfile as df

test_undefined_alias_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM golang:1.22 AS build", "FROM alpine:3.20", "COPY --from=biuld /a /b"])
	r.msg == "stage 1 (alpine:3.20) copies --from=biuld, which is not a stage defined before it"
}

test_later_alias_denied if {
	inp := df.dockerfile(["FROM alpine:3.20 AS first", "COPY --from=later /a /b", "FROM golang:1.22 AS later"])
	count(policy.deny) == 1 with input as inp
}

test_later_index_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "COPY --from=1 /a /b", "FROM alpine:3.20"])
}

test_known_references_pass if {
	inp := df.dockerfile([
		"FROM golang:1.22 AS Build",
		"FROM alpine:3.20",
		"COPY --from=build /a /b",
		"COPY --from=0 /a /b",
		"COPY --from=nginx:1.27 /etc/nginx /etc/nginx",
		"COPY --from=${BUILDER} /x /y",
	])
	count(policy.deny) == 0 with input as inp
}

test_self_reference_left_to_df010 if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20 AS a", "COPY --from=a /x /y"])
}
