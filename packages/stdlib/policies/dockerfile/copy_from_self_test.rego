package palisade.dockerfile.copy_from_self_test

import rego.v1

import data.palisade.dockerfile.copy_from_self as policy
import data.palisade.lib.testing.dockerfile as df

test_alias_self_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM golang:1.22 AS Build", "COPY --from=build /a /b"])
	r.msg == `stage "build" copies --from=build, which is the stage itself`
	r.cause.Cmd == "copy"
}

test_index_self_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM golang:1.22 AS build", "FROM alpine:3.20", "COPY --from=1 /a /b"])
}

test_earlier_stage_passes if {
	inp := df.dockerfile(["FROM golang:1.22 AS build", "FROM alpine:3.20", "COPY --from=build /a /b", "COPY --from=0 /c /d", "COPY x /y"])
	count(policy.deny) == 0 with input as inp
}

test_global_args_do_not_shift_indexes if {
	count(policy.deny) == 0 with input as df.dockerfile(["ARG X=1", "FROM golang:1.22", "FROM alpine:3.20", "COPY --from=0 /a /b"])
}
