package palisade.dockerfile.workdir_absolute_test

import rego.v1

import data.palisade.dockerfile.workdir_absolute as policy
import data.palisade.lib.testing.dockerfile as df

test_relative_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "WORKDIR app"])
	r.msg == `stage 0 (alpine:3.20) uses relative WORKDIR "app"`
}

test_quoted_relative_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", `WORKDIR "src/app"`])
}

test_absolute_variable_and_windows_pass if {
	inp := df.dockerfile(["FROM alpine:3.20", "WORKDIR /app", `WORKDIR "/srv/x"`, "WORKDIR $HOME", `WORKDIR C:\app`])
	count(policy.deny) == 0 with input as inp
}
