package plaidflow

// EnvLabel says on one line where a Config's calls go, for every front end's header: offline
// always says its tokens are not real, and a host that is not Plaid's is named as such.
func EnvLabel(cfg Config) string {
	switch {
	case cfg.Env == EnvOffline:
		return "offline emulator (tokens are not real)"
	case CustomHost(cfg) != "":
		return string(cfg.Env) + " keys at " + CustomHost(cfg) + " (not Plaid's host)"
	}
	return string(cfg.Env) + " (" + BaseURLFor(cfg) + ")"
}
