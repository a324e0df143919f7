# METADATA
# title: Image runs as root
# description: >-
#   The final image has no USER instruction (so it runs as root unless the base image says
#   otherwise) or its last USER is root/0. An image whose ENTRYPOINT drops privileges with gosu,
#   su-exec or setpriv (installed or copied in the final stage: the official images' idiom) is not
#   reported, nor is a WebAssembly image (final stage built `--platform=wasi/…`, or an ENTRYPOINT/CMD
#   that runs a `.wasm` module): a Wasm runtime runs it, with no Linux user to be root. Base images meant to be extended are reported like any other: the image as built runs
#   as root, and whoever runs it directly gets root; waive it inline with the reason where that is
#   intended.
# custom:
#   id: DF-004
#   severity: HIGH
#   input: [dockerfile]
#   remediation: Create an unprivileged user and switch to it with `USER <uid>` at the end of the final stage.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#user
#     - https://github.com/hadolint/hadolint/wiki/DL3002
#     - https://avd.aquasec.com/misconfig/ds002
#     - https://www.cisecurity.org/benchmark/docker
#   related: [DS-0002, DL3002, CKV_DOCKER_3, CKV_DOCKER_8, CIS-4.1, CIS-DI-0001]
#   profiles: [recommended, cis-docker]
package palisade.dockerfile.non_root_user

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.docker

# Base images documented to run as a non-root user already (globs over the resolved FROM image).
_default_nonroot_images := [
	"gcr.io/distroless/*:nonroot",
	"gcr.io/distroless/*:nonroot@*",
	"gcr.io/distroless/*:*-nonroot",
	"gcr.io/distroless/*:*-nonroot@*",
]

deny contains res if {
	count(docker.stages) > 0
	not docker.final_user
	not _nonroot_base
	not _entrypoint_drops_privileges
	not _wasm_image
	from := docker.final_stage.Commands[0]
	msg := sprintf("final %s has no USER instruction, so the container runs as root", [docker.stage_label(docker.final_index)])
	res := result.new(msg, from)
}

deny contains res if {
	cmd := docker.final_user
	user := docker.user_name(cmd)
	docker.is_root_user(user)
	msg := sprintf("final %s switches to user %q (root) in its last USER instruction", [docker.stage_label(docker.final_index), cmd.Value[0]])
	res := result.new(msg, cmd)
}

# The official images' idiom: start as root (to fix volume ownership) and have the ENTRYPOINT
# script drop to an unprivileged user with gosu / su-exec / setpriv, which the image installs.
_entrypoint_drops_privileges if {
	some e in docker.final_commands
	e.Cmd == "entrypoint"
	some c in docker.final_commands
	c.Cmd in {"run", "copy"}
	regex.match(`(^|[^A-Za-z0-9_-])(gosu|su-exec|setpriv)([^A-Za-z0-9_-]|$)`, concat(" ", c.Value))
}

# `docker run --platform wasi/wasm --runtime io.containerd.wasmedge.v1 …`: the module runs in a
# Wasm sandbox, where USER has no meaning.
_wasm_image if startswith(docker.stage_infos[docker.final_index].platform, "wasi/")

_wasm_image if {
	some c in docker.final_commands
	c.Cmd in {"entrypoint", "cmd"}
	regex.match(`^\S*\.wasm(\s|$)`, c.Value[0])
}

_nonroot_base if {
	first := docker.final_chain[0]
	image := docker.stage_infos[first].image
	some pattern in config.get("nonroot_images", _default_nonroot_images)
	glob.match(pattern, null, image)
}
