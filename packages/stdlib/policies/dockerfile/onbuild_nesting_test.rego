package palisade.dockerfile.onbuild_nesting_test

import rego.v1

import data.palisade.dockerfile.onbuild_nesting as policy
import data.palisade.lib.testing.dockerfile as df

test_onbuild_from_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM node:20", "ONBUILD FROM alpine:3.20"])
	r.msg == "ONBUILD FROM is not a valid trigger"
	r.cause.Cmd == "onbuild"
}

test_nested_onbuild_and_maintainer_denied if {
	count(policy.deny) == 2 with input as df.dockerfile(["FROM node:20", "ONBUILD ONBUILD RUN x", "onbuild maintainer me"])
}

test_valid_triggers_pass if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM node:20", "ONBUILD COPY . /app", "ONBUILD RUN npm ci"])
}
