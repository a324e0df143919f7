package palisade.dockerfile.instruction_order_test

import rego.v1

import data.palisade.dockerfile.instruction_order as policy
import data.palisade.lib.testing.dockerfile as df

test_label_before_from_denied if {
	some r in policy.deny with input as df.dockerfile(["ARG V=1", "LABEL a=b", "FROM alpine:3.20"])
	r.msg == "LABEL comes before the first FROM; only ARG may precede FROM"
	r.cause.StartLine == 2
}

test_no_from_at_all_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["RUN echo hi"])
}

test_args_then_from_pass if {
	count(policy.deny) == 0 with input as df.dockerfile(["ARG A=1", "ARG B", "FROM alpine:${A}", "RUN x"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20"])
}
