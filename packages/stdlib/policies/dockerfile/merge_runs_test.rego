package palisade.dockerfile.merge_runs_test

import rego.v1

import data.palisade.dockerfile.merge_runs as policy
import data.palisade.lib.testing.dockerfile as df

test_consecutive_runs_denied if {
	res := policy.warn with input as df.dockerfile(["FROM alpine:3.20", "RUN a", "RUN b", "RUN c"])
	count(res) == 2
	some r in res
	r.msg == "stage 0 (alpine:3.20) has consecutive RUN instructions (lines 2 and 3) that could be merged"
}

test_separated_or_different_flags_pass if {
	inp := df.dockerfile(["FROM alpine:3.20", "RUN a", "COPY x /x", "RUN b", "RUN --mount=type=cache,target=/root/.cache c", "FROM alpine:3.20", "RUN d"])
	count(policy.warn) == 0 with input as inp
}
