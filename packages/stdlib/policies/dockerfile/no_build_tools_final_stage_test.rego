package palisade.dockerfile.no_build_tools_final_stage_test

import rego.v1

import data.palisade.dockerfile.no_build_tools_final_stage as policy
import data.palisade.lib.testing.dockerfile as df

test_compiler_in_single_stage_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", "RUN apt-get install -y --no-install-recommends gcc=4:12.2.0-3 curl"])
	r.msg == `stage 0 (debian:12) installs build tool "gcc=4:12.2.0-3" into the final image`
}

test_build_tools_in_builder_stage_pass if {
	count(policy.deny) == 0 with input as df.dockerfile([
		"FROM debian:12 AS builder",
		"RUN apt-get install -y build-essential make",
		"FROM gcr.io/distroless/static:nonroot",
		"COPY --from=builder /out/app /app",
	])
}

test_base_stage_of_final_counts if {
	count(policy.deny) == 1 with input as df.dockerfile([
		"FROM alpine:3.20 AS base",
		"RUN apk add --no-cache build-base",
		"FROM base",
		"CMD [\"/app\"]",
	])
}

test_toolchain_final_image_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20 AS deps", "RUN true", "FROM golang:1.22", "CMD [\"/app\"]"])
	contains(r.msg, `toolchain image "golang:1.22"`)
}

test_toolchain_single_stage_not_reported_by_image_rule if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM golang:1.22", "CMD [\"/app\"]"])
}

test_configured_package_list if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "RUN apt-get install -y curl"])
		with data.palisade.config.build_tool_packages as ["curl"]
	count(policy.deny) == 0 with input as df.dockerfile(["FROM debian:12", "RUN apt-get install -y gcc"])
		with data.palisade.config.build_tool_packages as ["curl"]
}

# Build dependencies removed again in the same RUN are not in the image.
test_removed_in_same_run_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "RUN apk add --no-cache --virtual .build-deps gcc make musl-dev && make && apk del --no-network .build-deps"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "RUN apk add gcc make && make && apk del gcc make"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM debian:12", "RUN savedAptMark=\"$(apt-mark showmanual)\"; apt-get update; apt-get install -y --no-install-recommends gcc make; make; apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM debian:12", "RUN apt-get install -y gcc && make && apt-get purge -y gcc"])
}

# Only what is removed counts: the other build tools of the same install are still reported.
test_partly_removed_still_reported if {
	r := policy.deny with input as df.dockerfile(["FROM alpine:3.20", "RUN apk add gcc make && apk del gcc", "RUN apk add g++ && apk del curl"])
	{x.msg | some x in r} == {`stage 0 (alpine:3.20) installs build tool "make" into the final image`, `stage 0 (alpine:3.20) installs build tool "g++" into the final image`}
	# removal before the install, or auto-remove without apt-mark auto, does not count
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "RUN apt-get purge -y gcc; apt-get install -y gcc"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "RUN apt-get install -y gcc && apt-get purge -y --auto-remove"])
}
