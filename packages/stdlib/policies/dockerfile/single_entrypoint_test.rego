package palisade.dockerfile.single_entrypoint_test

import rego.v1

import data.palisade.dockerfile.single_entrypoint as policy
import data.palisade.lib.testing.dockerfile as df

test_two_in_one_stage_denied if {
	res := policy.deny with input as df.dockerfile(["FROM alpine:3.20 AS app", "ENTRYPOINT /bin/app", `ENTRYPOINT ["/bin/app"]`])
	count(res) == 1
	some r in res
	r.msg == `stage "app" has 2 ENTRYPOINT instructions; only the last one takes effect`
	r.cause.StartLine == 2
}

test_three_report_two if {
	count(policy.deny) == 2 with input as df.dockerfile(["FROM alpine:3.20", "ENTRYPOINT /bin/app", "ENTRYPOINT /bin/app", `ENTRYPOINT ["/bin/app"]`])
}

test_one_per_stage_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20 AS a", "ENTRYPOINT /bin/app", "FROM alpine:3.20", `ENTRYPOINT ["/bin/app"]`])
}

test_none_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20"])
}
