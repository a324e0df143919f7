package palisade.dockerfile.platform_flag_test

import rego.v1

import data.palisade.dockerfile.platform_flag as policy
import data.palisade.lib.testing.dockerfile as df

test_literal_platform_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM --platform=linux/amd64 alpine:3.20 AS base"])
	r.msg == `stage "base" hard-codes FROM --platform=linux/amd64`
}

test_variable_platform_and_no_flag_pass if {
	inp := df.dockerfile(["FROM --platform=$BUILDPLATFORM golang:1.22 AS b", "FROM --platform=${TARGETPLATFORM} alpine:3.20", "FROM alpine:3.20"])
	count(policy.deny) == 0 with input as inp
}
