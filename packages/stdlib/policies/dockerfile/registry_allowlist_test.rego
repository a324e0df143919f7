package palisade.dockerfile.registry_allowlist_test

import rego.v1

import data.palisade.dockerfile.registry_allowlist as policy
import data.palisade.lib.testing.dockerfile as df

_cfg := {"allowed_registries": ["registry.example.com", "docker.io/library"]}

test_unlisted_registry_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM quay.io/acme/app:1"]) with data.palisade.config as _cfg
	r.msg == `stage 0 (quay.io/acme/app:1) pulls "quay.io/acme/app:1" from registry "quay.io", which is not in allowed_registries`
}

test_hub_user_image_denied_when_only_library_allowed if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM bitnami/redis:7"]) with data.palisade.config as _cfg
}

test_allowed_registries_pass if {
	inp := df.dockerfile(["FROM registry.example.com/base/python:3.12 AS build", "FROM alpine:3.20"])
	count(policy.deny) == 0 with input as inp with data.palisade.config as _cfg
}

test_arg_resolved_image_checked if {
	inp := df.dockerfile(["ARG BASE=ghcr.io/acme/base:1", "FROM ${BASE}"])
	count(policy.deny) == 1 with input as inp with data.palisade.config as _cfg
}

test_no_allowlist_means_off if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM quay.io/acme/app:1"]) with data.palisade.config as {}
}

test_scratch_and_stage_refs_skipped if {
	inp := df.dockerfile(["FROM registry.example.com/go:1 AS build", "FROM build", "FROM scratch"])
	count(policy.deny) == 0 with input as inp with data.palisade.config as _cfg
}
