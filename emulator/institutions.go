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
	// Manual marks a stand-in for the bank an Item made from typed-in numbers does not have
	// (auth_manual.go): never listed, and shown as null where Plaid shows an institution.
	Manual bool
}

// usProducts is what the US sandbox banks offer; balance comes with any of them. transfer
// (Plaid Transfer, US ACH) is on in Sandbox for new teams at these banks: Plaid's quickstart
// links them with it.
var usProducts = []string{"assets", "auth", "balance", "identity", "investments", "liabilities", "signal", "statements", "transactions", "transfer"}

// caProducts: the Canadian sandbox bank offers the US list but transfer, which moves US dollars
// over ACH only.
var caProducts = []string{"assets", "auth", "balance", "identity", "investments", "liabilities", "signal", "statements", "transactions"}

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
	{ID: "ins_43", Name: "Tartan-Dominion Bank of Canada", Countries: []string{"CA"}, Products: caProducts, Status: "healthy"},
	{ID: "ins_116834", Name: "Flexible Platypus Open Banking", Countries: []string{"GB"}, Products: ukProducts, OAuth: true, Status: "healthy"},
	{ID: "ins_117650", Name: "Royal Bank of Plaid", Countries: []string{"GB"}, Products: ukProducts, OAuth: true, Status: "healthy"},
	{ID: "ins_127287", Name: "Platypus OAuth Bank", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_132241", Name: "First Platypus OAuth App2App Bank", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_135858", Name: "Windowpane Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_132363", Name: "Unhealthy Platypus Bank - Degraded", Countries: []string{"US"}, Products: usProducts, Status: "degraded", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_132361", Name: "Unhealthy Platypus Bank - Down", Countries: []string{"US"}, Products: usProducts, Status: "down", RoutingNumbers: []string{"011401533"}},
	{ID: "ins_133402", Name: "Unsupported Platypus Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", Unsupported: true, RoutingNumbers: []string{"011401533"}},
}

// investmentProducts: brokerages offer holdings and their transactions, not ACH auth.
var investmentProducts = []string{"assets", "balance", "identity", "investments", "transactions"}

// cardProducts: a card issuer has credit accounts only.
var cardProducts = []string{"balance", "identity", "liabilities", "transactions"}

// realInstitutions are real banks that exist in Sandbox too: Plaid's docs, spec and SDK
// examples use their ids (ins_56, ins_13 and ins_127990 are named in the spec as Sandbox's
// tokenized-account-number banks). They log in with the same test users as the Platypus banks.
var realInstitutions = []Institution{
	{ID: "ins_56", Name: "Chase", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"021000021"}},
	{ID: "ins_127989", Name: "Bank of America", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"026009593"}},
	{ID: "ins_127991", Name: "Wells Fargo", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"121000248"}},
	{ID: "ins_5", Name: "Citibank Online", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"021000089"}},
	{ID: "ins_127990", Name: "U.S. Bank", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"091000022"}},
	{ID: "ins_128026", Name: "Capital One", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"031176110"}},
	{ID: "ins_13", Name: "PNC", Countries: []string{"US"}, Products: usProducts, OAuth: true, Status: "healthy", RoutingNumbers: []string{"043000096"}},
	{ID: "ins_20", Name: "Citizens Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"011500120"}},
	{ID: "ins_14", Name: "TD Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"031101266"}},
	{ID: "ins_15", Name: "Navy Federal Credit Union", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"256074974"}},
	{ID: "ins_7", Name: "USAA", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"314074269"}},
	{ID: "ins_25", Name: "Ally Bank", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"124003116"}},
	{ID: "ins_33", Name: "Discover", Countries: []string{"US"}, Products: usProducts, Status: "healthy", RoutingNumbers: []string{"031100649"}},
	{ID: "ins_10", Name: "American Express", Countries: []string{"US"}, Products: cardProducts, Status: "healthy"},
	{ID: "ins_12", Name: "Fidelity", Countries: []string{"US"}, Products: investmentProducts, Status: "healthy"},
	{ID: "ins_11", Name: "Charles Schwab", Countries: []string{"US"}, Products: investmentProducts, OAuth: true, Status: "healthy"},
	{ID: "ins_115616", Name: "Vanguard", Countries: []string{"US"}, Products: investmentProducts, Status: "healthy"},
}

// allInstitutions are the Sandbox banks, then the real ones: the order Link and
// /institutions/get list them in.
var allInstitutions = append(append([]Institution{}, sandboxInstitutions...), realInstitutions...)

// institutions lists every institution in search order. The slices inside are shared:
// callers must not modify them.
func (e *Emulator) institutions() []Institution {
	out := make([]Institution, len(allInstitutions))
	copy(out, allInstitutions)
	return out
}

func findInstitution(id string) (Institution, bool) {
	for _, in := range allInstitutions {
		if in.ID == id {
			return in, true
		}
	}
	return Institution{}, false
}

// institutionEntry is findInstitution's entry of the static table itself, which Items point
// at instead of keeping a copy each. Nothing writes through it.
func institutionEntry(id string) (*Institution, bool) {
	for i := range allInstitutions {
		if allInstitutions[i].ID == id {
			return &allInstitutions[i], true
		}
	}
	return nil, false
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
