package palisade.dockerfile.healthcheck_test

import rego.v1

import data.palisade.dockerfile.healthcheck as policy
import data.palisade.lib.testing.dockerfile as df

test_missing_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20 AS app", "CMD [\"/app\"]"])
	r.msg == `final stage "app" has no HEALTHCHECK`
	r.cause.Cmd == "from"
}

test_none_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "HEALTHCHECK CMD true", "HEALTHCHECK NONE"])
	contains(r.msg, "HEALTHCHECK NONE")
	r.cause.StartLine == 3
}

test_present_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", `HEALTHCHECK --interval=30s CMD ["/app", "health"]`])
}

test_only_in_build_stage_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20 AS b", "HEALTHCHECK CMD true", "FROM alpine:3.20"])
}

test_inherited_from_parent_stage_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20 AS b", "HEALTHCHECK CMD true", "FROM b"])
}

test_empty_input if {
	count(policy.deny) == 0 with input as {}
}

# Shell-less final images (scratch, distroless, Chainguard static) are not asked for a HEALTHCHECK.
test_shellless_final_image_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM golang:1.22 AS build", "RUN go build -o /app", "FROM gcr.io/distroless/static-debian12:nonroot", "COPY --from=build /app /app"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM scratch", "COPY app /app"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM cgr.dev/chainguard/static:latest", "COPY app /app"])
	# HEALTHCHECK NONE is still reported there, and a slim image with a shell still needs one
	count(policy.deny) == 1 with input as df.dockerfile(["FROM scratch", "HEALTHCHECK NONE"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM golang:1.22 AS build", "FROM debian:12-slim", "COPY --from=build /app /app"])
}
