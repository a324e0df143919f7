package palisade.dockerfile.env_self_ref_test

import rego.v1

import data.palisade.dockerfile.env_self_ref as policy
import data.palisade.lib.testing.dockerfile as df

test_reference_to_same_env_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "ENV APP_HOME=/app APP_BIN=${APP_HOME}/bin"])
	r.msg == "ENV APP_BIN uses APP_HOME, which the same ENV instruction defines"
}

test_plain_dollar_reference_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "ENV A=1 B=$A/x"])
}

test_separate_env_and_self_append_pass if {
	inp := df.dockerfile(["FROM alpine:3.20", "ENV APP_HOME=/app", "ENV APP_BIN=${APP_HOME}/bin PATH=$PATH:/app/bin", "ENV A=1 AB=$ABC"])
	count(policy.deny) == 0 with input as inp
}
