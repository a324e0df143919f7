# METADATA
# title: git-sync runs configurable commands
# description: >-
#   A container sets git-sync options that run arbitrary programs (the git binary, git config
#   such as core.sshCommand, or an exec hook). Anyone who can edit the workload can then execute
#   code with the pod's identity and volumes.
# custom:
#   id: KW-059
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Drop GITSYNC_GIT / GITSYNC_GIT_CONFIG / GITSYNC_EXECHOOK_COMMAND (and the matching flags), and restrict who may edit the workload.
#   references:
#     - https://www.akamai.com/blog/security-research/2024-august-kubernetes-gitsync-command-injection-defcon
#     - https://github.com/kubernetes/git-sync
#   related: [CKV_K8S_159]
#   profiles: []
package palisade.kubernetes.git_sync

import rego.v1

import data.palisade.lib.kubernetes as k8s

risky_env := {
	"GITSYNC_GIT", "GIT_SYNC_GIT", "GITSYNC_GIT_CONFIG", "GIT_SYNC_GIT_CONFIG",
	"GITSYNC_EXECHOOK_COMMAND", "GIT_SYNC_EXECHOOK_COMMAND",
}

risky_flag := `^--(git|git-config|exechook-command)(=|$)`

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	some env in entry.container.env
	risky_env[env.name]
	res := result.new(sprintf("%s sets git-sync option %s, which runs arbitrary commands", [k8s.describe(entry), env.name]), env)
}

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	some field in ["command", "args"]
	some arg in entry.container[field]
	is_string(arg)
	regex.match(risky_flag, arg)
	res := result.new(sprintf("%s passes git-sync flag %s, which runs arbitrary commands", [k8s.describe(entry), split(arg, "=")[0]]), entry.container)
}
