# METADATA
# title: Configuration helpers
# description: Read data.palisade.config with per-key defaults, so policies work without any configuration.
package palisade.lib.config

import rego.v1

# get(key, default) is the configured value of key (even when false or null), or default.
get(key, default_value) := value if {
	value := data.palisade.config[key]
} else := default_value
