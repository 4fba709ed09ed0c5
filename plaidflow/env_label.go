package plaidflow

// EnvLabel says on one line where a Config's calls go, for every front end's header and the
// Link page: offline always says its tokens are not real, and a host that is not Plaid's is
// named as such.
func EnvLabel(cfg Config) string {
	switch {
	case cfg.Env == EnvOffline:
		return EnvName(cfg) + " (tokens are not real)"
	case CustomHost(cfg) != "":
		return EnvName(cfg) + " (not Plaid's host)"
	}
	return EnvName(cfg) + " (" + BaseURLFor(cfg) + ")"
}

// EnvName is the start of EnvLabel, for a line that says the rest its own way (the UI's
// summary speaks of tokens only when some were made): "offline emulator", the environment, or
// the keys' environment and the host that is not Plaid's.
func EnvName(cfg Config) string {
	switch {
	case cfg.Env == EnvOffline:
		return "offline emulator"
	case CustomHost(cfg) != "":
		return string(cfg.Env) + " keys at " + CustomHost(cfg)
	}
	return string(cfg.Env)
}
