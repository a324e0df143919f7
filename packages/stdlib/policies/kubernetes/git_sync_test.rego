package palisade.kubernetes.git_sync_test

import rego.v1

import data.palisade.kubernetes.git_sync as check

pod(c) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [object.union({"name": "sync", "image": "registry.k8s.io/git-sync/git-sync:v4.2.3"}, c)]}}

test_env_denied if {
	some r in check.deny with input as pod({"env": [{"name": "GITSYNC_GIT_CONFIG", "value": "core.sshCommand:/tmp/x"}]})
	r.msg == `Pod "p": container "sync" sets git-sync option GITSYNC_GIT_CONFIG, which runs arbitrary commands`
}

test_flag_denied if {
	some r in check.deny with input as pod({"args": ["--repo=https://example.com/r.git", "--exechook-command=/bin/sh"]})
	r.msg == `Pod "p": container "sync" passes git-sync flag --exechook-command, which runs arbitrary commands`
}

test_plain_git_sync_allowed if {
	count(check.deny) == 0 with input as pod({"args": ["--repo=https://example.com/r.git", "--root=/git"], "env": [{"name": "GITSYNC_REPO", "value": "x"}]})
	count(check.deny) == 0 with input as pod({})
}
