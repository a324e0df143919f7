# METADATA
# title: USER given by name instead of numeric UID
# description: USER names a user instead of a numeric UID, so Kubernetes `runAsNonRoot` cannot verify that the image is non-root. Windows images (nanoserver, servercore), which have no numeric UIDs, are skipped.
# custom:
#   id: DF-005
#   severity: LOW
#   input: [dockerfile]
#   remediation: Use the numeric UID (and GID), e.g. `USER 10001:10001`.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#user
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   related: [DL3066]
#   profiles: [recommended]
package palisade.dockerfile.numeric_user

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	cmd := docker.final_user
	user := docker.user_name(cmd)
	not regex.match(`^[0-9]+$`, user)
	not contains(user, "$")
	not _windows_base
	msg := sprintf("final %s sets USER %q by name instead of a numeric UID", [docker.stage_label(docker.final_index), cmd.Value[0]])
	res := result.new(msg, cmd)
}

# Windows containers have no numeric UIDs: users are accounts such as ContainerUser.
_windows_base if {
	image := lower(docker.stage_infos[docker.final_chain[0]].image)
	regex.match(`^(mcr\.microsoft\.com/)?windows(/|servercore|nanoserver)|nanoserver|servercore|windowsservercore`, image)
}
