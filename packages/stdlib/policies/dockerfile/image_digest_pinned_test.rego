package palisade.dockerfile.image_digest_pinned_test

import rego.v1

import data.palisade.dockerfile.image_digest_pinned as policy
import data.palisade.lib.testing.dockerfile as df

_digest := "sha256:2fba8e70a87bcc9f6edd20dda0a1d4adb32046d2acbca7361bc61da5a106a914"

test_tag_only_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM python:3.12-slim AS app"])
	r.msg == `stage "app" uses base image "python:3.12-slim" without a digest`
	r.cause.Cmd == "from"
}

test_digest_passes if {
	count(policy.deny) == 0 with input as df.dockerfile([concat("", ["FROM python:3.12-slim@", _digest])])
}

test_digest_from_arg_passes if {
	inp := df.dockerfile([concat("", ["ARG BASE=alpine@", _digest]), "FROM ${BASE}"])
	count(policy.deny) == 0 with input as inp
}

test_malformed_digest_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine@sha256:1234"])
}

test_scratch_stage_alias_and_unresolved_skipped if {
	inp := df.dockerfile([concat("", ["FROM alpine@", _digest, " AS base"]), "FROM base", "FROM scratch", "FROM ${UNSET}"])
	count(policy.deny) == 0 with input as inp
}

# Untagged and latest base images are DF-001's finding: one unpinned image, one finding.
test_latest_left_to_df001 if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM python", "FROM node:latest"])
	count(policy.deny) == 2 with input as df.dockerfile(["FROM python:3.12 AS a", "FROM node:20 AS b", "FROM alpine"])
}
