package palisade.dockerfile.unique_alias_test

import rego.v1

import data.palisade.dockerfile.unique_alias as policy
import data.palisade.lib.testing.dockerfile as df

test_duplicate_alias_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM golang:1.22 AS build", "FROM node:20 AS BUILD"])
	r.msg == `stage 1 reuses alias "build" already defined by stage 0`
	r.cause.StartLine == 2
}

test_three_duplicates_denied_per_later_stage if {
	count(policy.deny) == 3 with input as df.dockerfile(["FROM a:1 AS x", "FROM b:1 AS x", "FROM c:1 AS x"])
}

test_unique_aliases_pass if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM golang:1.22 AS build", "FROM alpine:3.20 AS run", "FROM alpine:3.20"])
}
