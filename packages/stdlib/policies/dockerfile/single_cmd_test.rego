package palisade.dockerfile.single_cmd_test

import rego.v1

import data.palisade.dockerfile.single_cmd as policy
import data.palisade.lib.testing.dockerfile as df

test_two_in_one_stage_denied if {
	res := policy.deny with input as df.dockerfile(["FROM alpine:3.20 AS app", "CMD python app.py", `CMD ["python", "app.py"]`])
	count(res) == 1
	some r in res
	r.msg == `stage "app" has 2 CMD instructions; only the last one takes effect`
	r.cause.StartLine == 2
}

test_three_report_two if {
	count(policy.deny) == 2 with input as df.dockerfile(["FROM alpine:3.20", "CMD python app.py", "CMD python app.py", `CMD ["python", "app.py"]`])
}

test_one_per_stage_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20 AS a", "CMD python app.py", "FROM alpine:3.20", `CMD ["python", "app.py"]`])
}

test_none_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20"])
}
