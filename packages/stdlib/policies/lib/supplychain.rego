# METADATA
# title: Supply-chain helpers
# description: >-
#   Image references of deployment manifests (Kubernetes workloads, compose services) and
#   normalized signature/attestation verification results (cosign, notation, Palisade's
#   `verifications` format; see docs/inputs.md "Verification results"), for the RS-* and SR-015
#   policies. Both are available for the current document and for the whole scan inventory.
package palisade.lib.supplychain

import rego.v1

import data.palisade.lib.images
import data.palisade.lib.kubernetes

# --- document kinds ----------------------------------------------------------------------

# Kind of the current document: the loader's verdict, else the shape (bare `palisade eval` input).
doc_kind := k if {
	k := data.palisade.document.kind
	is_string(k)
} else := kind_of(input)

kind_of(v) := "kubernetes" if {
	is_string(v.apiVersion)
	is_string(v.kind)
} else := "compose" if {
	is_object(v.services)
} else := "json"

# --- image references of manifests -----------------------------------------------------------

# Images a document deploys, as [{ref, label, cause, path, build}]: cause is the container /
# service object, path the JSON path of its `image` field (where findings point), build whether a
# compose service builds that image itself (`build:`; its `image` names the result).
manifest_images(kind, value) := [x |
	kind == "kubernetes"
	entries := kubernetes.containers with input as value
	some e in entries
	ref := e.container.image
	is_string(ref)
	ref != ""
	label := kubernetes.describe(e) with input as value
	path := kubernetes.container_field_path(e, "image") with input as value
	x := {"ref": ref, "label": label, "cause": e.container, "path": path, "build": false}
] if {
	kind == "kubernetes"
} else := [x |
	some name, svc in value.services
	is_object(svc)
	ref := svc.image
	is_string(ref)
	ref != ""
	x := {"ref": ref, "label": sprintf("service %q", [name]), "cause": svc, "path": ["services", name, "image"], "build": "build" in object.keys(svc)}
] if {
	kind == "compose"
	is_object(value.services)
} else := []

# Images of the current document.
images_here := manifest_images(doc_kind, input)

# Images of every manifest of the scan, each with the path of its document.
inventory_images := [object.union(x, {"path": d.path}) |
	some d in data.palisade.inventory
	d.kind in {"kubernetes", "compose"}
	some x in manifest_images(d.kind, d.value)
]

# A finding about an image of images_here / inventory_images, located at its `image:` line.
image_result(msg, x) := {"msg": msg, "path": x.path}

# Whether reference a names the same repository as b (registry + repository, Docker-normalized).
same_repository(a, b) if images.parse(a).name == images.parse(b).name

# --- verification results ----------------------------------------------------------------

# Normalized records {image, digest, tool, type, predicate_type, predicate, verified, issuer,
# subject, key, error, timestamp, cause} found in a JSON/YAML value; [] for any other value.
records_of(v) := array.concat(wrapper_records(v), array.concat(cosign_records(v), array.concat(attestation_records(v), notation_records(v))))

# Records of the current document (only JSON/YAML documents carry them).
records_here := records_of(input) if {
	doc_kind in {"json", "yaml"}
} else := []

# Records of every JSON/YAML document of the scan.
inventory_records := [r |
	some d in data.palisade.inventory
	d.kind in {"json", "yaml"}
	some r in records_of(d.value)
]

is_verification_document if count(records_here) > 0

# Palisade's format: {"verifications": [{image, verified, tool?, type?, predicateType?, …}]}.
wrapper_records(v) := [r |
	is_object(v)
	some e in v.verifications
	is_object(e)
	is_string(e.image)
	is_boolean(e.verified)
	r := {
		"image": e.image,
		"digest": ref_digest(e.image, object.get(e, "digest", "")),
		"tool": str(e, "tool", "unknown"),
		"type": entry_type(e),
		"predicate_type": str(e, "predicateType", ""),
		"predicate": object.get(e, "predicate", {}),
		"verified": e.verified,
		"issuer": str(e, "issuer", ""),
		"subject": str(e, "subject", ""),
		"key": str(e, "key", ""),
		"error": str(e, "error", ""),
		"timestamp": str(e, "timestamp", ""),
		"cause": e,
	}
]

entry_type(e) := "attestation" if {
	e.type == "attestation"
} else := "attestation" if {
	str(e, "predicateType", "") != ""
} else := "signature"

# `cosign verify --output json`: an array of simple-signing payloads; cosign prints it only for
# signatures that verified.
cosign_records(v) := [r |
	is_array(v)
	some e in v
	is_object(e.critical)
	ref := e.critical.identity["docker-reference"]
	is_string(ref)
	digest := str(object.get(e.critical, "image", {}), "docker-manifest-digest", "")
	opt := optional_of(e)
	r := {
		"image": join_digest(ref, digest),
		"digest": digest,
		"tool": "cosign",
		"type": "signature",
		"predicate_type": "",
		"predicate": {},
		"verified": true,
		"issuer": str(opt, "Issuer", ""),
		"subject": str(opt, "Subject", ""),
		"key": "",
		"error": "",
		"timestamp": "",
		"cause": e,
	}
]

optional_of(e) := o if {
	o := e.optional
	is_object(o)
} else := {}

# `cosign verify-attestation` prints one DSSE envelope per verified attestation; collected into
# a JSON array (`jq -s .`) each envelope's in-toto statement yields one record per subject.
attestation_records(v) := [r |
	is_array(v)
	some e in v
	is_string(e.payload)
	e.payloadType == "application/vnd.in-toto+json"
	st := json.unmarshal(base64.decode(e.payload))
	is_object(st)
	some s in st.subject
	digest := sprintf("sha256:%s", [s.digest.sha256])
	r := {
		"image": join_digest(s.name, digest),
		"digest": digest,
		"tool": "cosign",
		"type": "attestation",
		"predicate_type": str(st, "predicateType", ""),
		"predicate": object.get(st, "predicate", {}),
		"verified": true,
		"issuer": "",
		"subject": "",
		"key": "",
		"error": "",
		"timestamp": "",
		"cause": e,
	}
]

# `notation verify --output json`: {reference, result: "Success"|…, userMetadata}; one object
# or an array of them.
notation_records(v) := [notation_record(e) | some e in notation_entries(v)]

notation_entries(v) := [v] if {
	is_notation(v)
} else := [e | some e in v; is_notation(e)] if {
	is_array(v)
} else := []

is_notation(e) if {
	is_string(e.reference)
	is_string(e.result)
}

notation_record(e) := {
	"image": e.reference,
	"digest": ref_digest(e.reference, ""),
	"tool": "notation",
	"type": "signature",
	"predicate_type": "",
	"predicate": {},
	"verified": lower(e.result) == "success",
	"issuer": "",
	"subject": "",
	"key": "",
	"error": notation_error(e),
	"timestamp": "",
	"cause": e,
}

notation_error(e) := "" if {
	lower(e.result) == "success"
} else := sprintf("notation result %q", [e.result])

# --- matching records to images ----------------------------------------------------------

# Whether record r is about image reference ref: same repository and, when both name one, the
# same digest; a tag-only reference matches a record of the same tag or any record of the
# repository that is pinned by digest (cosign records the digest the tag resolved to).
record_matches(ref, r) if {
	same_repository(ref, r.image)
	p := images.parse(ref)
	q := images.parse(r.image)
	tag_or_digest_match(p, q, r.digest)
}

tag_or_digest_match(p, _, digest) if {
	p.digest != ""
	p.digest == digest
}

tag_or_digest_match(p, q, _) if {
	p.digest != ""
	p.digest == q.digest
}

tag_or_digest_match(p, q, _) if {
	p.digest == ""
	q.tag == p.tag
}

tag_or_digest_match(p, _, digest) if {
	p.digest == ""
	digest != ""
}

# Verified records of a kind ("signature" / "attestation") about ref, from the whole scan.
verified_records(ref, type) := [r |
	some r in inventory_records
	r.type == type
	r.verified == true
	record_matches(ref, r)
]

# Whether the scan holds any verification result about ref's repository (the user verifies
# that image, so a missing or mismatching result is a finding).
has_evidence(ref) if {
	some r in inventory_records
	same_repository(ref, r.image)
}

# --- small helpers -----------------------------------------------------------------------

str(obj, key, default_value) := s if {
	s := obj[key]
	is_string(s)
	s != ""
} else := default_value

ref_digest(ref, d) := d if {
	is_string(d)
	d != ""
} else := images.parse(ref).digest if {
	images.parse(ref)
} else := ""

join_digest(ref, "") := ref

join_digest(ref, digest) := ref if {
	digest != ""
	contains(ref, "@")
}

join_digest(ref, digest) := sprintf("%s@%s", [ref, digest]) if {
	digest != ""
	not contains(ref, "@")
}

# --- attestations ------------------------------------------------------------------------

# Predicate-type prefixes (in-toto URIs, and cosign's short `--type` names) per attestation kind.
predicate_prefixes := {
	"provenance": ["https://slsa.dev/provenance/", "slsaprovenance"],
	"sbom": ["https://cyclonedx.org/bom", "https://spdx.dev/Document", "cyclonedx", "spdx"],
	"vuln": ["https://cosign.sigstore.dev/attestation/vuln/", "vuln"],
}

is_attestation_kind(r, kind) if {
	r.type == "attestation"
	some prefix in predicate_prefixes[kind]
	startswith(r.predicate_type, prefix)
}

# Verified attestations of a kind about ref, from the whole scan.
attestations(ref, kind) := [r |
	some r in verified_records(ref, "attestation")
	is_attestation_kind(r, kind)
]

# Attestation records of a kind in the current document.
attestations_here(kind) := [r |
	some r in records_here
	is_attestation_kind(r, kind)
]

# --- image configuration -----------------------------------------------------------------

# The image the current document describes: a `docker image inspect` object, or the image config
# a Trivy image report embeds. {name, labels, created, size (bytes or null), cause}.
image_config := {
	"name": inspect_image_name,
	"labels": object_or_empty(object.get(object.get(input, "Config", {}), "Labels", {})),
	"created": str(input, "Created", ""),
	"size": number_or_null(object.get(input, "Size", null)),
	"cause": input,
} if {
	is_inspect_image
} else := {
	"name": str(input, "ArtifactName", "the scanned image"),
	"labels": object_or_empty(object.get(object.get(cfg, "config", {}), "Labels", {})),
	"created": str(cfg, "created", ""),
	"size": null,
	"cause": cfg,
} if {
	data.palisade.document.kind == "trivy"
	cfg := input.Metadata.ImageConfig
	is_object(cfg)
} else := {
	"name": str(input, "ArtifactName", "the scanned image"),
	"labels": object_or_empty(object.get(object.get(cfg, "config", {}), "Labels", {})),
	"created": str(cfg, "created", ""),
	"size": null,
	"cause": cfg,
} if {
	not data.palisade.document.kind
	is_number(input.SchemaVersion)
	cfg := input.Metadata.ImageConfig
	is_object(cfg)
}

# An image (not a container) object of `docker inspect`: containers carry State.
is_inspect_image if {
	inspect_document
	is_string(input.Id)
	not input.State
	is_object(input.Config)
}

inspect_document if data.palisade.document.kind == "docker-inspect"

inspect_document if not data.palisade.document.kind

inspect_image_name := t if {
	t := input.RepoTags[0]
	is_string(t)
} else := input.Id

object_or_empty(x) := x if is_object(x)

else := {}

number_or_null(x) := x if is_number(x)

else := null
