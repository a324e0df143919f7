package palisade.dockerfile.copy_whole_fs_test

import rego.v1

import data.palisade.dockerfile.copy_whole_fs as policy
import data.palisade.lib.testing.dockerfile as df

test_root_copy_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM golang:1.22 AS build", "FROM scratch", "COPY --from=build / /"])
	r.msg == `stage 1 (scratch) copies the whole filesystem of "build"`
}

test_root_copy_from_image_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "COPY --from=busybox:1.36 /* /rootfs/"])
}

test_specific_paths_and_context_pass if {
	inp := df.dockerfile(["FROM golang:1.22 AS build", "FROM scratch", "COPY --from=build /out/app /app", "COPY / /ctx/"])
	count(policy.deny) == 0 with input as inp
}
