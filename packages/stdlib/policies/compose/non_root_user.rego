# METADATA
# title: Service may run as root
# description: |
#   A service runs as root: `user` is root/0, or `user` is not set and neither a known non-root image
#   (config `nonroot_images`) nor the service's own Dockerfile (found in the scan by its `build`
#   context) sets a non-root USER.
# custom:
#   id: DC-016
#   severity: MEDIUM
#   input: [compose]
#   remediation: 'Set `user: "10001:10001"` (a non-root UID) on the service, or a non-root USER in its image.'
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#user
#     - https://docs.docker.com/engine/security/#linux-kernel-capabilities
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-4.1, SG-service-runs-as-root]
#   profiles: [recommended, cis-docker]
package palisade.compose.non_root_user

import rego.v1

import data.palisade.lib.compose
import data.palisade.lib.config
import data.palisade.lib.docker

_default_nonroot_images := [
	"gcr.io/distroless/*:nonroot",
	"gcr.io/distroless/*:nonroot@*",
	"gcr.io/distroless/*:*-nonroot",
	"gcr.io/distroless/*:*-nonroot@*",
]

_root_user(u) if split(_user_text(u), ":")[0] in {"root", "0"}

_user_text(u) := format_int(u, 10) if is_number(u) else := u

deny contains res if {
	some name, svc in compose.services
	_root_user(svc.user)
	msg := sprintf("%s runs as root (user: %v)", [compose.label(name), svc.user])
	res := compose.finding(msg, name, ["user"], svc.user)
}

deny contains res if {
	some name, svc in compose.services
	not _has_user(svc)
	not _nonroot_image(svc)
	not _dockerfile_nonroot(svc)
	msg := sprintf("%s does not set user, so it runs as the image's default user (often root)", [compose.label(name)])
	res := compose.finding(msg, name, [], svc)
}

_has_user(svc) if {
	svc.user != null
	svc.user != ""
}

_nonroot_image(svc) if {
	some pattern in config.get("nonroot_images", _default_nonroot_images)
	glob.match(pattern, null, svc.image)
}

# The Dockerfile built for this service, when it is part of the scan.
_dockerfile_nonroot(svc) if {
	path := _dockerfile_path(svc.build)
	some i in object.get(_dockerfiles_at, path, set())
	doc := data.palisade.inventory[i]
	user := docker.final_user with input as doc.value
	not docker.is_root_user(docker.user_name(user))
}

# Inventory positions of the scan's Dockerfiles by cleaned path: computed once per scan (it reads
# only the inventory), so a service's lookup does not walk every document of the scan.
_dockerfiles_at[path] contains i if {
	some i, doc in data.palisade.inventory
	doc.kind == "dockerfile"
	path := _clean(doc.path)
}

_compose_dir := regex.replace(data.palisade.document.path, `[^/]*$`, "") if {
	is_string(data.palisade.document.path)
} else := ""

_dockerfile_path(build) := _join([_compose_dir, build, "Dockerfile"]) if is_string(build)

_dockerfile_path(build) := _join([_compose_dir, object.get(build, "context", "."), object.get(build, "dockerfile", "Dockerfile")]) if is_object(build)

_join(parts) := _clean(concat("/", [p | some p in parts; p != ""]))

# Joins without duplicate or "." segments (".." is kept: paths are compared as written).
_clean(p) := concat("/", [s | some i, s in split(p, "/"); _keep(s, i)])

_keep(s, _) if not s in {"", "."}

_keep("", 0) := true
