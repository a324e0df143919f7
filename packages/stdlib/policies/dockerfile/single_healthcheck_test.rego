package palisade.dockerfile.single_healthcheck_test

import rego.v1

import data.palisade.dockerfile.single_healthcheck as policy
import data.palisade.lib.testing.dockerfile as df

test_two_in_one_stage_denied if {
	res := policy.deny with input as df.dockerfile(["FROM alpine:3.20 AS app", "HEALTHCHECK CMD curl -f http://localhost/", "HEALTHCHECK NONE"])
	count(res) == 1
	some r in res
	r.msg == `stage "app" has 2 HEALTHCHECK instructions; only the last one takes effect`
	r.cause.StartLine == 2
}

test_three_report_two if {
	count(policy.deny) == 2 with input as df.dockerfile(["FROM alpine:3.20", "HEALTHCHECK CMD curl -f http://localhost/", "HEALTHCHECK CMD curl -f http://localhost/", "HEALTHCHECK NONE"])
}

test_one_per_stage_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20 AS a", "HEALTHCHECK CMD curl -f http://localhost/", "FROM alpine:3.20", "HEALTHCHECK NONE"])
}

test_none_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20"])
}
