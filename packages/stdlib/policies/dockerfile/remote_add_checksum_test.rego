package palisade.dockerfile.remote_add_checksum_test

import rego.v1

import data.palisade.dockerfile.remote_add_checksum as policy
import data.palisade.lib.testing.dockerfile as df

test_url_without_checksum_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "ADD https://example.com/agent.tgz /opt/"])
	r.msg == `stage 0 (alpine:3.20) ADDs remote source "https://example.com/agent.tgz" without --checksum`
}

test_git_tag_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "ADD https://github.com/acme/repo.git#v1.2.3 /src"])
}

test_checksum_flag_passes if {
	inp := df.dockerfile(["FROM alpine:3.20", "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /opt/"])
	count(policy.deny) == 0 with input as inp
}

test_git_commit_sha_passes if {
	inp := df.dockerfile(["FROM alpine:3.20", "ADD git@github.com:acme/repo.git#0123456789abcdef0123456789abcdef01234567 /src"])
	count(policy.deny) == 0 with input as inp
}

test_local_add_not_checked if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "ADD app.tar.gz /"])
}
