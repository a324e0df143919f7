package palisade.dockerfile.pkg_cache_cleanup_test

import rego.v1

import data.palisade.dockerfile.pkg_cache_cleanup as policy
import data.palisade.lib.testing.dockerfile as df

test_apt_lists_left_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", "RUN apt-get update && apt-get install -y curl"])
	r.msg == "stage 0 (debian:12) installs packages with apt-get and leaves the cache in the image: remove /var/lib/apt/lists/* in the same RUN"
}

test_apt_lists_removed_passes if {
	inp := df.dockerfile(["FROM debian:12", "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"])
	count(policy.deny) == 0 with input as inp
}

test_apk_denied_and_passes if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "RUN apk add curl"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "RUN apk add --no-cache curl"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "RUN apk add curl && rm -rf /var/cache/apk/*"])
}

test_rpm_and_zypper if {
	count(policy.deny) == 2 with input as df.dockerfile(["FROM fedora:40", "RUN dnf install -y nginx", "RUN zypper -n in vim"])
	inp := df.dockerfile(["FROM fedora:40", "RUN dnf install -y nginx && dnf clean all", "RUN yum install -y x && rm -rf /var/cache/yum", "RUN zypper -n in vim && zypper clean -a"])
	count(policy.deny) == 0 with input as inp
}

test_pip if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM python:3.12", "RUN pip install -r requirements.txt"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM python:3.12", "RUN pip install --no-cache-dir -r requirements.txt"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM python:3.12", "ENV PIP_NO_CACHE_DIR=1", "RUN pip install flask"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM python:3.12", "ENV PIP_NO_CACHE_DIR=false", "RUN pip install flask"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM python:3.12", "RUN pip install flask", "ENV PIP_NO_CACHE_DIR=1"])
}

test_pip_env_inherited_from_parent_stage if {
	inp := df.dockerfile(["FROM python:3.12 AS base", "ENV PIP_NO_CACHE_DIR=1", "FROM base", "RUN pip install flask"])
	count(policy.deny) == 0 with input as inp
}

test_yarn if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM node:20", "RUN yarn install --frozen-lockfile"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM node:20", "RUN yarn install --frozen-lockfile && yarn cache clean"])
}

test_cache_mount_passes if {
	inp := df.dockerfile([
		"FROM debian:12",
		"RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl",
		"RUN --mount=type=cache,target=/root/.cache/pip pip install flask",
	])
	count(policy.deny) == 0 with input as inp
}

test_build_stage_ignored if {
	inp := df.dockerfile(["FROM debian:12 AS build", "RUN apt-get update && apt-get install -y gcc", "FROM debian:12-slim"])
	count(policy.deny) == 0 with input as inp
}

test_npm_and_go_not_checked if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM node:20", "RUN npm ci && go install x@v1"])
}

test_apk_no_network_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "RUN apk add --no-cache --virtual .b gcc && apk add --no-network --virtual .rundeps $runDeps"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "RUN apk add --virtual .rundeps libssl3 && apk add --no-network curl"])
}

test_apt_dist_clean_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM debian:13", "RUN apt-get update; apt-get install -y --no-install-recommends curl; apt-get dist-clean"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:13", "RUN apt-get update; apt-get install -y --no-install-recommends curl; apt-get clean"])
}
