package emulator

// Institution is a sandbox institution.
type Institution struct {
	ID        string
	Name      string
	Countries []string
	Products  []string
	OAuth     bool
	Status    string // "healthy", "degraded", "down"
	// Unsupported institutions fail every login with INSTITUTION_NOT_SUPPORTED-style errors.
	Unsupported bool
	// RoutingNumbers are the ACH routing numbers /institutions/get_by_id reports.
	RoutingNumbers []string
}

// usProducts is what the US sandbox banks offer; balance comes with any of them.
var usProducts = []string{"assets", "auth", "balance", "identity", "investments", "liabilities", "signal", "statements", "transactions"}

// ukProducts: the UK open-banking sandbox banks offer account data and payments, not ACH auth.
var ukProducts = []string{"balance", "identity", "payment_initiation", "transactions"}

// sandboxInstitutions are Plaid's Sandbox banks in the order Link lists them.
var sandboxInstitutions = []Institution{
	{ID: "ins_109508", Name: "First Platypus Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_130016", Name: "First Platypus Balance Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_109509", Name: "First Gingham Credit Union", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"011000028"}},
	{ID: "ins_109510", Name: "Tattersall Federal Credit Union", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"011000138"}},
	{ID: "ins_109511", Name: "Tartan Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"011000390"}},
	{ID: "ins_109512", Name: "Houndstooth Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"011001331"}},
	{ID: "ins_43", Name: "Tartan-Dominion Bank of Canada", Countries: []string{"CA"}, Products: usProducts, Status: "healthy"},
	{ID: "ins_116834", Name: "Flexible Platypus Open Banking", Countries: []string{"GB"}, Products: ukProducts, OAuth: true, Status: "healthy"},
	{ID: "ins_117650", Name: "Royal Bank of Plaid", Countries: []string{"GB"}, Products: ukProducts, OAuth: true, Status: "healthy"},
	{ID: "ins_127287", Name: "Platypus OAuth Bank", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_132241", Name: "First Platypus OAuth App2App Bank", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_135858", Name: "Windowpane Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_132363", Name: "Unhealthy Platypus Bank - Degraded", Countries: []string{"US"}, Products: usProducts, Status: "degraded", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_132361", Name: "Unhealthy Platypus Bank - Down", Countries: []string{"US"}, Products: usProducts, Status: "down", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_133402", Name: "Unsupported Platypus Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", Unsupported: true, RoutingNumbers: []string{"011401533"}},
}

// institutions lists the sandbox institutions in search order. The slices inside are shared:
// callers must not modify them.
func (e *Emulator) institutions() []Institution {
	out := make([]Institution, len(sandboxInstitutions))
	copy(out, sandboxInstitutions)
	return out
}

func findInstitution(id string) (Institution, bool) {
	for _, in := range sandboxInstitutions {
		if in.ID == id {
			return in, true
		}
	}
	return Institution{}, false
}

func (in Institution) offers(product string) bool {
	return contains(in.Products, product)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
