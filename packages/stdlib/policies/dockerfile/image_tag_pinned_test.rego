package palisade.dockerfile.image_tag_pinned_test

import rego.v1

import data.palisade.dockerfile.image_tag_pinned as policy
import data.palisade.lib.testing.dockerfile as df

test_latest_tag_denied if {
	res := policy.deny with input as df.dockerfile(["FROM ubuntu:latest", "RUN id"])
	count(res) == 1
	some r in res
	r.msg == `stage 0 (ubuntu:latest) uses base image "ubuntu:latest" with the mutable latest tag`
	r.cause.StartLine == 1
}

test_missing_tag_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM nginx AS web"])
	contains(r.msg, "without a tag")
	contains(r.msg, `stage "web"`)
}

test_version_tag_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM ubuntu:24.04"])
}

test_digest_without_tag_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM ubuntu@sha256:2fba8e70a87bcc9f6edd20dda0a1d4adb32046d2acbca7361bc61da5a106a914"])
}

test_arg_default_resolved if {
	count(policy.deny) == 1 with input as df.dockerfile(["ARG TAG=latest", "FROM alpine:${TAG}"])
	count(policy.deny) == 0 with input as df.dockerfile(["ARG TAG=3.20", "FROM alpine:${TAG}"])
}

test_unresolved_arg_skipped if {
	count(policy.deny) == 0 with input as df.dockerfile(["ARG TAG", "FROM alpine:${TAG}"])
}

test_build_args_config if {
	count(policy.deny) == 1 with input as df.dockerfile(["ARG TAG", "FROM alpine:${TAG}"])
		with data.palisade.config as {"dockerfile_build_args": {"TAG": "latest"}}
}

test_scratch_and_stage_alias_skipped if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM golang:1.22 AS build", "FROM build", "FROM scratch"])
}

test_multi_stage_reports_each_stage if {
	count(policy.deny) == 2 with input as df.dockerfile(["FROM golang AS build", "FROM alpine:3.20", "FROM debian:latest"])
}

test_registry_port_is_not_a_tag if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM localhost:5000/app"])
}

test_empty_input if {
	count(policy.deny) == 0 with input as {}
}
