# METADATA
# title: Package manager cache left in the image
# description: |
#   A package install in the final image leaves its cache behind in the layer: apt lists not removed,
#   apk without `--no-cache`, yum/dnf/microdnf/zypper without `clean`, pip without `--no-cache-dir`
#   (or PIP_NO_CACHE_DIR), yarn without `yarn cache clean`. Build-cache mounts on the cache directory count as clean.
# custom:
#   id: DF-027
#   severity: LOW
#   input: [dockerfile]
#   remediation: Clean the cache in the same RUN (`rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `dnf clean all`, `pip install --no-cache-dir`, `yarn cache clean`) or use `RUN --mount=type=cache`.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#apt-get
#     - https://docs.docker.com/build/cache/optimize/#use-cache-mounts
#     - https://github.com/hadolint/hadolint/wiki/DL3009
#     - https://github.com/hadolint/hadolint/wiki/DL3019
#     - https://github.com/hadolint/hadolint/wiki/DL3032
#     - https://github.com/hadolint/hadolint/wiki/DL3042
#     - https://github.com/hadolint/hadolint/wiki/DL3060
#   related: [DS-0015, DS-0019, DS-0020, DS-0025, DS-0027, DL3009, DL3019, DL3032, DL3036, DL3040, DL3042, DL3060, DKL-DI-0004, DKL-DI-0005]
#   profiles: [recommended]
package palisade.dockerfile.pkg_cache_cleanup

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

# Cache directory per manager: a cache mount on it (or a prefix of it) avoids the leftover.
_cache_dirs := {
	"apt": ["/var/lib/apt/lists", "/var/cache/apt"],
	"apk": ["/var/cache/apk", "/etc/apk/cache"],
	"rpm": ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"],
	"zypper": ["/var/cache/zypp"],
	"pip": ["/root/.cache/pip", "/root/.cache"],
	"yarn": ["/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/root/.yarn", "/usr/local/share/.cache"],
}

_advice := {
	"apt": "remove /var/lib/apt/lists/* in the same RUN",
	"apk": "use apk add --no-cache",
	"rpm": "run `clean all` in the same RUN",
	"zypper": "run `zypper clean` in the same RUN",
	"pip": "use pip install --no-cache-dir",
	"yarn": "run `yarn cache clean` in the same RUN",
}

deny contains res if {
	some run in docker.runs
	run.index in docker.final_chain
	some c in run.commands
	inst := shell.install(c)
	_advice[inst.manager]
	not _clean(run, inst)
	not _cache_mounted(run.cmd, inst.manager)
	msg := sprintf("%s installs packages with %s and leaves the cache in the image: %s", [docker.stage_label(run.index), inst.tool, _advice[inst.manager]])
	res := result.new(msg, run.cmd)
}

_cache_mounted(cmd, manager) if {
	some target in docker.cache_mount_targets(cmd)
	some dir in _cache_dirs[manager]
	startswith(dir, trim_right(target, "/"))
}

_removes(run, dir) if {
	some c in run.commands
	c.program == "rm"
	some a in c.args
	startswith(a, dir)
}

_clean(run, inst) if {
	inst.manager == "apt"
	_removes(run, "/var/lib/apt/lists")
}

# `apt-get dist-clean` (apt >= 2.7, Debian trixie) removes the package lists as well as the cache.
_clean(run, inst) if {
	inst.manager == "apt"
	some c in run.commands
	c.program in {"apt-get", "apt"}
	shell.verb(c) == "dist-clean"
}

_clean(run, inst) if {
	inst.manager == "apk"
	shell.has_flag(inst.args, "--no-cache")
}

_clean(run, inst) if {
	inst.manager == "apk"
	_removes(run, "/var/cache/apk")
}

# `--no-network` installs from what is already on disk: no index is downloaded, nothing is cached
# (the official images install run-time dependencies this way after a --no-cache build).
_clean(_, inst) if {
	inst.manager == "apk"
	shell.has_flag(inst.args, "--no-network")
}

_clean(run, inst) if {
	inst.manager == "rpm"
	some c in run.commands
	c.program in {"yum", "dnf", "microdnf", "tdnf"}
	shell.verb(c) == "clean"
}

_clean(run, inst) if {
	inst.manager == "rpm"
	some dir in _cache_dirs.rpm
	_removes(run, dir)
}

_clean(run, inst) if {
	inst.manager == "zypper"
	some c in run.commands
	c.program == "zypper"
	shell.verb(c) in {"clean", "cc"}
}

_clean(run, inst) if {
	inst.manager == "zypper"
	_removes(run, "/var/cache/zypp")
}

_clean(_, inst) if {
	inst.manager == "pip"
	shell.has_flag(inst.args, "--no-cache-dir")
}

# PIP_NO_CACHE_DIR set earlier in the image (pip reads any value that is not "false"/"0"/"off" as on).
_clean(run, inst) if {
	inst.manager == "pip"
	some pair in docker.env_before(docker.final_commands, run.cmd)
	pair[0] == "PIP_NO_CACHE_DIR"
	docker.is_truthy(pair[1])
}

_clean(run, inst) if {
	inst.manager == "pip"
	some c in run.commands
	c.program in {"pip", "pip3"}
	c.args[0] == "cache"
	c.args[1] == "purge"
}

_clean(run, inst) if {
	inst.manager == "yarn"
	some c in run.commands
	c.program == "yarn"
	c.args[0] == "cache"
	c.args[1] == "clean"
}
