# METADATA
# title: Shell command helpers
# description: |
#   A small, quote-aware reading of POSIX shell scripts (Dockerfile RUN lines, compose commands),
#   good enough for linting: no expansion, no nesting into `sh -c "…"` or `$(…)`.
#
#   API:
#   - tokens(script): words and operators; quotes stay attached to their word.
#   - commands(script) → [{argv, program, args, pos, op_before, op_after}], one per simple command
#       split on `&&`, `||`, `;`, `|`, `&` and newlines. `argv` has quotes removed and leading
#       `VAR=value` assignments and wrappers (sudo, env, nohup, time, exec, command, `!`, `then`, `do`…)
#       skipped; `program` is the basename of argv[0]; `args` is argv without it; `pos` is the
#       segment number (adjacent segments of a pipe have consecutive pos); `op_before`/`op_after`
#       are the operators around the command ("" at the ends).
#   - segments(script) → [{pos, words, op_before, op_after}]: like commands but words unquoted only (nothing stripped).
#   - raw_words(script): every word of every command with quotes removed, wrappers included (to see sudo).
#   - package_manager(cmd) → {manager, tool, args}: manager is one of apt, rpm (yum/dnf/microdnf), zypper,
#       apk, pip, npm, yarn, gem, go; `python -m pip` counts as pip.
#   - positional(pm) → arguments of a package-manager call that are not flags or flag values.
#   - install(cmd) → {manager, tool, packages, args} when cmd installs packages
#       (apt-get/apt install, yum/dnf/microdnf install, zypper install|in, apk add, pip install,
#       npm install|i|add|ci, yarn add|install, gem install, go install|get).
#   - pinned(inst, pkg): pkg carries a version (or is a file, URL or path) in that manager's syntax.
#   - has_flag(args, flag): a long flag (`--x` or `--x=…`) or short flag letter (`-y`, also inside `-qy`).
package palisade.lib.shell

import rego.v1

operators := {"&&", "||", ";", "|", "&", "\n"}

shells := {"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "fish", "busybox"}

_wrappers := {"sudo", "env", "nohup", "time", "exec", "command", "nice", "!", "then", "do", "else", "if", "elif", "while", "until", "{", "("}

# Wrapper options whose value is the next word (sudo -u app …, env -u VAR …).
_wrapper_value_flags := {"-u", "-g", "-C", "-h", "-p", "-D", "-n"}

# Words are runs of plain characters, escapes (`\x`), quoted strings and `&>`/`<&`/`>&`; operators
# are `&&`, `||`, `;`, `|`, `&` and newlines. The builtin returns what `regex.find_n` with its
# pattern (SHELL_TOKEN_RE in packages/stdlib/src/shell-tokens.ts) returns, in one linear pass:
# RE2 took most of a second on a 100,000-command RUN.
tokens(script) := palisade.shell_tokens(script)

unquote(w) := strings.replace_n(_quotes, w)

basename(path) := p if {
	parts := split(path, "/")
	p := parts[count(parts) - 1]
}

# Per segment only lookups and builtins (no function calls): a RUN of 100,000 `&&`-joined
# commands makes this the hottest code of a scan. ops[k] is the operator before segment k
# ("" before the first), ops[k + 1] the one after it.
segments(script) := [seg |
	toks := tokens(script)
	seps := [i | some i, t in toks; operators[t]]
	bounds := array.concat(array.concat([-1], seps), [count(toks)])
	ops := array.concat(array.concat([""], [toks[i] | some i in seps]), [""])
	some k in numbers.range(0, count(bounds) - 2)
	seg := {
		"pos": k,
		"words": [strings.replace_n(_quotes, w) | some w in array.slice(toks, bounds[k] + 1, bounds[k + 1])],
		"op_before": ops[k],
		"op_after": ops[k + 1],
	}
]

_quotes := {"\"": "", "'": ""}

commands(script) := [cmd |
	some seg in segments(script)
	argv := _strip_prefix(seg.words)
	count(argv) > 0
	cmd := {
		"argv": argv,
		"program": basename(trim_left(argv[0], "({")),
		"args": array.slice(argv, 1, count(argv)),
		"pos": seg.pos,
		"op_before": seg.op_before,
		"op_after": seg.op_after,
	}
]

raw_words(script) := [w | some seg in segments(script); some w in seg.words]

# Most commands start with their program: answered without looking at every word.
_strip_prefix(words) := words if {
	count(words) > 0
	not _prefix_start(words[0])
} else := array.slice(words, start, count(words)) if {
	start := min({j | some j, _ in words; not _prefix_word(words, j)})
} else := []

_prefix_word(words, j) if _prefix_start(words[j])

# Words that are part of a prefix by themselves. Keyed by the word alone, so the programs a script
# repeats (echo, apt-get) are answered from the function cache.
_prefix_start(w) if regex.match(`^[A-Za-z_][A-Za-z0-9_]*=`, w)

_prefix_start(w) if _wrappers[w]

# A command cannot start with "-", so flags inside the prefix are wrapper options.
_prefix_start(w) if startswith(w, "-")

_prefix_word(words, j) if {
	j > 0
	_wrapper_value_flags[words[j - 1]]
}

# --- package managers -------------------------------------------------------------------------

_managers := {
	"apt-get": "apt", "apt": "apt", "aptitude": "apt",
	"yum": "rpm", "dnf": "rpm", "microdnf": "rpm", "tdnf": "rpm",
	"zypper": "zypper", "apk": "apk",
	"pip": "pip", "pip3": "pip",
	"npm": "npm", "yarn": "yarn", "gem": "gem", "go": "go",
}

# Options whose value is a separate word, per manager.
_value_flags := {
	"apt": {"-o", "-t", "-c", "--option", "--target-release", "--config-file"},
	"rpm": {"-x", "--exclude", "-c", "--config", "--installroot", "--releasever", "--repo", "--enablerepo", "--disablerepo", "--setopt"},
	"zypper": {"-r", "--repo", "--from", "-t", "--type"},
	"apk": {"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--repositories-file", "--keys-dir"},
	"pip": {
		"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
		"--extra-index-url", "--trusted-host", "-t", "--target", "-f", "--find-links", "--prefix",
		"--root", "--platform", "--python-version", "--implementation", "--abi", "--only-binary",
		"--no-binary", "--progress-bar", "--cache-dir", "--src", "--upgrade-strategy",
		"--global-option", "--config-settings", "-C",
	},
	"npm": {"--prefix", "--registry", "--tag", "-w", "--workspace", "--cache"},
	"yarn": {"--cwd", "--registry", "--cache-folder", "--modules-folder"},
	"gem": {"-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "-s", "-P", "--trust-policy", "--platform"},
	"go": {"-ldflags", "-tags", "-o", "-C", "-gcflags", "-mod", "-modfile", "-p", "-pkgdir", "-toolexec", "-overlay", "-asmflags"},
}

package_manager(cmd) := {"manager": m, "tool": cmd.program, "args": cmd.args} if {
	m := _managers[cmd.program]
}

package_manager(cmd) := {"manager": "pip", "tool": "pip", "args": array.slice(cmd.args, 2, count(cmd.args))} if {
	# The prefix test first: it spares a regex search per command of every other program.
	startswith(cmd.program, "python")
	regex.match(`^python[0-9.]*$`, cmd.program)
	cmd.args[0] == "-m"
	cmd.args[1] in {"pip", "pip3"}
}

positional(pm) := [a |
	some i, a in pm.args
	not startswith(a, "-")
	not _is_flag_value(pm, i)
]

_is_flag_value(pm, i) if {
	i > 0
	_value_flags[pm.manager][pm.args[i - 1]]
}

_install_verbs := {
	"apt": {"install"},
	"rpm": {"install"},
	"zypper": {"install", "in"},
	"apk": {"add"},
	"pip": {"install"},
	"npm": {"install", "i", "add", "ci", "isntall", "in"},
	"yarn": {"add", "install"},
	"gem": {"install"},
	"go": {"install", "get"},
}

install(cmd) := {"manager": pm.manager, "tool": pm.tool, "packages": array.slice(pos, 1, count(pos)), "args": pm.args} if {
	pm := package_manager(cmd)
	pos := positional(pm)
	_install_verbs[pm.manager][pos[0]]
	not _dry_run(pm)
}

# `apt-get install -s` (and its aliases) only simulates: nothing is installed (the official images
# probe for optional packages this way).
_dry_run(pm) if {
	pm.manager == "apt"
	some flag in ["-s", "--simulate", "--dry-run", "--just-print", "--no-act", "--recon"]
	has_flag(pm.args, flag)
}

# A verb of a package manager call, e.g. verb(cmd) == "update" for `apt-get -q update`.
verb(cmd) := pos[0] if {
	pm := package_manager(cmd)
	pos := positional(pm)
}

has_flag(args, flag) if {
	startswith(flag, "--")
	some a in args
	_long_flag_matches(a, flag)
}

has_flag(args, flag) if {
	not startswith(flag, "--")
	letter := substring(flag, 1, 1)
	some a in args
	regex.match(`^-[A-Za-z0-9]+$`, a)
	contains(substring(a, 1, -1), letter)
}

_long_flag_matches(a, flag) if a == flag

_long_flag_matches(a, flag) if startswith(a, concat("", [flag, "="]))

# --- version pinning ---------------------------------------------------------------------------

pinned(inst, pkg) if _pinned(inst.manager, pkg)

# gem install -v 1.2 pins every listed gem.
pinned(inst, _) if {
	inst.manager == "gem"
	some flag in ["-v", "--version"]
	has_flag(inst.args, flag)
}

# Files, URLs and local paths are not registry lookups.
_pinned(_, pkg) if contains(pkg, "://")

_pinned(_, pkg) if regex.match(`^(/|\./|\.\./|\.$|~/)`, pkg)

_pinned(_, pkg) if regex.match(`\.(deb|rpm|apk|whl|tar\.gz|tgz|zip|gem)$`, pkg)

_pinned("apt", pkg) if contains(pkg, "=")

_pinned("apk", pkg) if regex.match(`[=<>~]`, pkg)

_pinned("rpm", pkg) if regex.match(`-[0-9][^/]*$`, pkg)

_pinned("zypper", pkg) if regex.match(`[=<>]`, pkg)

_pinned("pip", pkg) if regex.match(`(==|>=|<=|~=|!=|<|>|@)`, pkg)

_pinned(manager, pkg) if {
	manager in {"npm", "yarn"}
	regex.match(`^@?[^@]+@.+$`, pkg)
	not endswith(pkg, "@latest")
}

_pinned(manager, pkg) if {
	manager in {"npm", "yarn"}
	contains(pkg, ":")
}

_pinned("gem", pkg) if contains(pkg, ":")

_pinned("go", pkg) if {
	contains(pkg, "@")
	not endswith(pkg, "@latest")
}
