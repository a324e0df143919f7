package palisade.dockerfile.workdir_not_cd_test

import rego.v1

import data.palisade.dockerfile.workdir_not_cd as policy
import data.palisade.lib.testing.dockerfile as df

test_cd_denied_once_per_run if {
	res := policy.deny with input as df.dockerfile(["FROM alpine:3.20", "RUN cd /src && make && cd /tmp"])
	count(res) == 1
	some r in res
	r.msg == "stage 0 (alpine:3.20) uses `cd` in RUN; use WORKDIR instead"
	r.cause.Cmd == "run"
}

test_cd_in_exec_shell_form_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", `RUN ["sh", "-c", "cd /src; make"]`])
}

test_no_cd_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "WORKDIR /src", "RUN make -C /src && echo cd"])
}
