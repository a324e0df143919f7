# METADATA
# title: Image reference helpers
# description: |
#   Parse container image references (`registry/repository:tag@digest`) the way Docker normalizes them.
#   Shared by the Dockerfile, compose, Kubernetes and supply-chain policies.
#
#   API (every function is undefined for a non-string or empty reference):
#   - parse(ref) → {registry, repository, tag, digest, name}
#       registry:   host[:port]; "docker.io" when the first path component is not a host
#                   (no ".", no ":", not "localhost", no upper case); index.docker.io,
#                   registry-1.docker.io and registry.hub.docker.com are normalized to docker.io.
#       repository: path below the registry; Docker Hub single names get "library/" ("nginx" → "library/nginx").
#       tag:        the tag as written; "latest" when there is neither a tag nor a digest; "" for `repo@digest`.
#       digest:     "sha256:…" or "" when absent.
#       name:       registry + "/" + repository (no tag or digest).
#   - uses_latest(ref): the reference resolves to the mutable `latest` tag (explicit `:latest` or no tag)
#       and is not pinned by digest.
#   - has_tag(ref): a tag is written explicitly (`:latest` counts).
#   - is_digest_pinned(ref): a well-formed digest (`@sha256:<64 hex>`, or another `algo:<hex>`) is present.
#   - registry_allowed(ref, allowed): an entry of `allowed` matches: "*"; a registry host ("ghcr.io");
#       or a registry/repository prefix ("ghcr.io/acme", "docker.io/library"), matched on path boundaries.
#       Host aliases of Docker Hub in entries are normalized like references.
#   - has_variable(ref): the reference still contains `$` (unresolved build argument / template).
package palisade.lib.images

import rego.v1

_hub_aliases := {"index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"}

parse(ref) := {
	"registry": registry,
	"repository": repository,
	"tag": tag,
	"digest": digest,
	"name": concat("/", [registry, repository]),
} if {
	is_string(ref)
	ref != ""
	[rest, digest] := _split_digest(ref)
	[path, written_tag] := _split_tag(rest)
	[registry, repository] := _split_registry(path)
	tag := _tag(written_tag, digest)
}

uses_latest(ref) if {
	p := parse(ref)
	p.digest == ""
	p.tag == "latest"
}

has_tag(ref) if {
	[rest, _] := _split_digest(ref)
	[_, tag] := _split_tag(rest)
	tag != ""
}

is_digest_pinned(ref) if {
	p := parse(ref)
	regex.match(`^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$`, p.digest)
}

registry_allowed(ref, allowed) if {
	p := parse(ref)
	some entry in allowed
	_entry_matches(p, entry)
}

has_variable(ref) if contains(ref, "$")

_entry_matches(_, "*") := true

_entry_matches(p, entry) if {
	e := _normalize_entry(entry)
	e == p.registry
}

_entry_matches(p, entry) if {
	e := _normalize_entry(entry)
	e == p.name
}

_entry_matches(p, entry) if {
	e := _normalize_entry(entry)
	startswith(p.name, concat("", [e, "/"]))
}

_normalize_entry(entry) := e if {
	is_string(entry)
	trimmed := trim_right(entry, "/")
	trimmed != ""
	parts := split(trimmed, "/")
	host := _normalize_host(parts[0])
	e := concat("/", array.concat([host], array.slice(parts, 1, count(parts))))
}

_normalize_host(h) := "docker.io" if h in _hub_aliases

_normalize_host(h) := h if not h in _hub_aliases

_split_digest(ref) := [substring(ref, 0, i), substring(ref, i + 1, -1)] if {
	i := indexof(ref, "@")
	i >= 0
} else := [ref, ""]

# The tag follows the last ":" with no "/" after it (a ":" before a "/" is a registry port).
_split_tag(s) := [m[1], m[2]] if {
	m := regex.find_all_string_submatch_n(`^(.+):([^:/]*)$`, s, 1)[0]
} else := [s, ""]

_split_registry(path) := [registry, _repository(registry, substring(path, count(first) + 1, -1))] if {
	first := split(path, "/")[0]
	contains(path, "/")
	_is_host(first)
	registry := _normalize_host(first)
} else := ["docker.io", _repository("docker.io", path)]

_is_host(c) if contains(c, ".")

_is_host(c) if contains(c, ":")

_is_host("localhost") := true

_is_host(c) if c != lower(c)

_repository("docker.io", path) := concat("/", ["library", path]) if not contains(path, "/")

_repository(registry, path) := path if {
	registry == "docker.io"
	contains(path, "/")
}

_repository(registry, path) := path if registry != "docker.io"

_tag("", "") := "latest"

_tag(tag, _) := tag if tag != ""

_tag("", digest) := "" if digest != ""
