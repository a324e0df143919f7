package palisade.dockerfile.one_downloader_test

import rego.v1

import data.palisade.dockerfile.one_downloader as policy
import data.palisade.lib.testing.dockerfile as df

test_both_denied_once if {
	inp := df.dockerfile(["FROM alpine:3.20", "RUN curl -fsSL https://a/x -o x", "RUN wget -q https://a/y", "RUN wget -q https://a/z"])
	res := policy.deny with input as inp
	count(res) == 1
	some r in res
	r.msg == "stage 0 (alpine:3.20) uses wget while line 2 uses curl; use one download tool"
	r.cause.StartLine == 3
}

test_across_stages_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20 AS a", "RUN wget x", "FROM alpine:3.20", "RUN curl y"])
}

test_single_tool_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "RUN curl -O a && curl -O b", "RUN apk add wget"])
}
