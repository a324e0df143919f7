package palisade.dockerfile.no_maintainer_test

import rego.v1

import data.palisade.dockerfile.no_maintainer as policy
import data.palisade.lib.testing.dockerfile as df

test_maintainer_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "MAINTAINER ops@example.com"])
	r.msg == `MAINTAINER "ops@example.com" is deprecated; use LABEL org.opencontainers.image.authors`
	r.cause.Cmd == "maintainer"
}

test_label_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", `LABEL org.opencontainers.image.authors="ops@example.com"`])
}
