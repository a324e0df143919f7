package palisade.dockerfile.non_root_user_test

import rego.v1

import data.palisade.dockerfile.non_root_user as policy
import data.palisade.lib.testing.dockerfile as df

test_no_user_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "RUN id"])
	r.msg == "final stage 0 (alpine:3.20) has no USER instruction, so the container runs as root"
	r.cause.Cmd == "from"
}

test_root_user_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "USER app", "USER root"])
	r.cause.StartLine == 3
	contains(r.msg, `"root"`)
}

test_uid_zero_with_group_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "USER 0:0"])
}

test_non_root_user_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "USER 10001:10001"])
}

test_user_only_in_build_stage_denied if {
	inp := df.dockerfile(["FROM golang:1.22 AS build", "USER builder", "FROM alpine:3.20"])
	some r in policy.deny with input as inp
	contains(r.msg, "has no USER")
}

test_user_inherited_from_parent_stage_passes if {
	inp := df.dockerfile(["FROM alpine:3.20 AS base", "USER app", "FROM base", "RUN id"])
	count(policy.deny) == 0 with input as inp
}

test_root_in_final_after_nonroot_parent_denied if {
	inp := df.dockerfile(["FROM alpine:3.20 AS base", "USER app", "FROM base", "USER root"])
	count(policy.deny) == 1 with input as inp
}

test_distroless_nonroot_base_passes if {
	inp := df.dockerfile(["ARG BASE=gcr.io/distroless/static-debian12:nonroot", "FROM ${BASE}"])
	count(policy.deny) == 0 with input as inp
}

test_configured_nonroot_images if {
	inp := df.dockerfile(["FROM cgr.dev/chainguard/static:latest"])
	count(policy.deny) == 0 with input as inp with data.palisade.config as {"nonroot_images": ["cgr.dev/chainguard/*"]}
	count(policy.deny) == 1 with input as inp
}

test_variable_user_not_flagged if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "USER ${APP_USER}"])
}

test_scratch_without_user_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM scratch", "COPY app /app"])
}

test_empty_input if {
	count(policy.deny) == 0 with input as {}
}

# The official images start as root and drop privileges in the ENTRYPOINT script (gosu, su-exec).
test_entrypoint_dropping_privileges_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM debian:12", "RUN apt-get install -y gosu", "COPY docker-entrypoint.sh /usr/local/bin/", "ENTRYPOINT [\"docker-entrypoint.sh\"]"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "RUN apk add --no-cache 'su-exec>=0.2'", "ENTRYPOINT [\"docker-entrypoint.sh\"]"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM debian:12", "COPY --from=tianon/gosu /gosu /usr/local/bin/", "ENTRYPOINT [\"/entrypoint.sh\"]"])
}

test_privilege_tool_without_entrypoint_or_in_build_stage_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "RUN apt-get install -y gosu"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12 AS b", "RUN apt-get install -y gosu", "FROM debian:12", "ENTRYPOINT [\"x\"]"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "RUN apt-get install -y gosu-extra", "ENTRYPOINT [\"x\"]"])
	# an explicit USER root is still reported
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "RUN apt-get install -y gosu", "USER root", "ENTRYPOINT [\"x\"]"])
}

# A Wasm module has no Linux user; a Linux binary on scratch still runs as uid 0.
test_wasm_image_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM scratch", "ENTRYPOINT [\"order_service.wasm\"]", "COPY --from=build /src/order_service.wasm /order_service.wasm"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM --platform=wasi/wasm scratch", "COPY app /app", "ENTRYPOINT [\"/app\"]"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM scratch", "COPY m.wasm /", "CMD [\"/m.wasm\", \"--port\", \"80\"]"])
}

test_non_wasm_entrypoint_on_scratch_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM scratch", "COPY app /app", "ENTRYPOINT [\"/app\", \"--config=x.wasm\"]"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM --platform=linux/amd64 scratch", "COPY app.wasm.sh /", "ENTRYPOINT [\"/app.wasm.sh\"]"])
}
