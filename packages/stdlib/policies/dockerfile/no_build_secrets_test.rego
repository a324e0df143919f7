package palisade.dockerfile.no_build_secrets_test

import rego.v1

import data.palisade.dockerfile.no_build_secrets as policy
import data.palisade.lib.testing.dockerfile as df

test_secret_arg_denied_even_without_value if {
	inp := df.dockerfile(["ARG NPM_TOKEN", "FROM node:20", "ARG DB_PASSWORD=changeme"])
	res := policy.deny with input as inp
	count(res) == 2
	some r in res
	r.msg == "ARG NPM_TOKEN looks like a secret; build arguments are stored in the image history"
	r.cause.StartLine == 1
}

test_secret_env_with_value_denied if {
	inp := df.dockerfile(["FROM node:20", "ENV APP_ENV=prod AWS_SECRET_ACCESS_KEY=abc", "ENV dbPassword=x"])
	res := policy.deny with input as inp
	count(res) == 2
	some r in res
	r.msg == "ENV AWS_SECRET_ACCESS_KEY looks like a secret and is baked into the image"
}

test_empty_env_and_reference_names_pass if {
	inp := df.dockerfile([
		"FROM node:20",
		"ENV API_TOKEN=",
		"ENV DB_PASSWORD_FILE=/run/secrets/db SECRETS_DIR=/run/secrets TOKENIZERS_PARALLELISM=false",
		"ARG GPG_KEY=ABCDEF",
		"ARG PASSWORD_PATH=/x",
	])
	count(policy.deny) == 0 with input as inp
}

test_literal_credential_value_denied if {
	inp := df.dockerfile(["FROM node:20", "ENV AWS_ID=AKIAIOSFODNN7EXAMPLE", "ARG GH=ghp_000000000000000000000000000000000000"])
	res := policy.deny with input as inp
	count(res) == 2
	some r in res
	r.msg == "ENV AWS_ID holds a literal AWS access key ID"
}

test_copy_secret_files_denied if {
	inp := df.dockerfile(["FROM node:20", "COPY id_rsa /root/.ssh/id_rsa", "COPY .env config/prod.pem /app/", "ADD .aws/ /root/.aws/"])
	res := policy.deny with input as inp
	count(res) == 4
	some r in res
	r.msg == `stage 0 (node:20) COPY copies secret file "id_rsa" into the image`
}

test_copy_example_and_plain_files_pass if {
	inp := df.dockerfile(["FROM node:20", "COPY .env.example package.json /app/", "COPY src/ /app/src/", "COPY keys.go /app/"])
	count(policy.deny) == 0 with input as inp
}

_doc := {"path": "svc/Dockerfile", "kind": "dockerfile", "index": 0}

_ignore(path, excluded) := {"path": path, "kind": "dockerignore", "index": 0, "value": {"patterns": [], "lines": [], "excluded": excluded, "excludedNested": excluded}}

_good := {".env": true, "*.pem": true}

_bad := {".env": false, "*.pem": true, ".git/": false}

test_whole_context_without_dockerignore_warned if {
	inp := df.dockerfile(["FROM node:20", "COPY . /app"])
	res := policy.warn with input as inp with data.palisade.document as _doc with data.palisade.inventory as [_ignore("other/.dockerignore", _good)]
	count(res) == 1
	some r in res
	r.msg == "stage 0 (node:20) copies the whole build context but no .dockerignore was found next to svc/Dockerfile"
}

test_whole_context_with_incomplete_dockerignore_warned if {
	inp := df.dockerfile(["FROM node:20", "COPY . /app"])
	some r in policy.warn with input as inp with data.palisade.document as _doc with data.palisade.inventory as [_ignore("svc/.dockerignore", _bad)]
	r.msg == "stage 0 (node:20) copies the whole build context and svc/.dockerignore does not exclude .env, .git/"
}

test_dockerfile_specific_ignore_file_wins if {
	inp := df.dockerfile(["FROM node:20", "COPY . /app"])
	inv := [_ignore("svc/.dockerignore", _bad), _ignore("svc/Dockerfile.dockerignore", _good)]
	count(policy.warn) == 0 with input as inp with data.palisade.document as _doc with data.palisade.inventory as inv
}

test_suffix_named_ignore_file_accepted if {
	inp := df.dockerfile(["FROM node:20", "COPY . /app"])
	doc := {"path": "examples/Dockerfile.bad", "kind": "dockerfile", "index": 0}
	some r in policy.warn with input as inp with data.palisade.document as doc with data.palisade.inventory as [_ignore("examples/bad.dockerignore", _bad)]
	contains(r.msg, "examples/bad.dockerignore does not exclude")
}

test_complete_dockerignore_passes if {
	inp := df.dockerfile(["FROM node:20", "COPY . /app"])
	count(policy.warn) == 0 with input as inp with data.palisade.document as _doc with data.palisade.inventory as [_ignore("svc/.dockerignore", _good)]
}

test_selective_copy_or_build_stage_not_warned if {
	inp := df.dockerfile(["FROM node:20 AS build", "COPY . /src", "FROM node:20", "COPY --from=build /src/dist /app", "COPY package.json /app/"])
	count(policy.warn) == 0 with input as inp with data.palisade.document as _doc with data.palisade.inventory as []
}

test_no_document_metadata_no_warning if {
	count(policy.warn) == 0 with input as df.dockerfile(["FROM node:20", "COPY . /app"])
}

# Two `<x>.dockerignore` files match `Dockerfile.bad.arm`: one is picked (by path), no conflict.
test_two_suffix_named_ignore_files_pick_one if {
	inp := df.dockerfile(["FROM node:20", "COPY . /app"])
	doc := {"path": "examples/Dockerfile.bad.arm", "kind": "dockerfile", "index": 0}
	inv := [_ignore("examples/bad.dockerignore", _bad), _ignore("examples/arm.dockerignore", _bad)]
	res := policy.warn with input as inp with data.palisade.document as doc with data.palisade.inventory as inv
	count(res) == 1
	some r in res
	contains(r.msg, "examples/arm.dockerignore does not exclude")
}

# A context copy without (or with an incomplete) .dockerignore is a MEDIUM warning, not CRITICAL.
test_context_warnings_are_medium if {
	inp := df.dockerfile(["FROM node:20", "COPY . /app"])
	r1 := policy.warn with input as inp with data.palisade.document as _doc with data.palisade.inventory as []
	r2 := policy.warn with input as inp with data.palisade.document as _doc with data.palisade.inventory as [_ignore("svc/.dockerignore", _bad)]
	{x.severity | some x in r1 | r2} == {"MEDIUM"}
}
