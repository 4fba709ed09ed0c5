package plaidflow

// Processors are the valid values of /processor/token/create's `processor` field in 2026
// (PLAID-FACTS.md). plaid-go does not check the field, so plaidwalk does. Prime Trust's
// "prime_trust" was removed from the API in 1.500.0 and is deliberately not here.
var Processors = []string{
	"dwolla", "galileo", "modern_treasury", "ocrolus", "vesta", "drivewealth", "vopay", "achq",
	"check", "checkbook", "circle", "sila_money", "rize", "svb_api", "unit", "wyre", "lithic",
	"alpaca", "astra", "moov", "treasury_prime", "marqeta", "checkout", "solid", "highnote",
	"gemini", "apex_clearing", "gusto", "adyen", "atomic", "i2c", "wepay", "riskified", "utb",
	"adp_roll", "fortress_trust", "bond", "bakkt", "teal", "zero_hash", "taba_pay", "knot",
	"sardine", "alloy", "finix", "nuvei", "layer", "boom", "paynote", "stake", "wedbush", "esusu",
	"ansa", "scribeup", "straddle", "loanpro", "bloom_credit", "sfox", "brale", "parafin",
	"cardless", "open_ledger", "valon", "gainbridge", "cardlytics", "pinwheel", "thread_bank",
	"array", "fiant", "oatfi", "curinos", "frame", "interchecks", "interchange", "atomicfi",
	"pay", "natural", "kanmon",
}

// IsProcessor reports whether s is a processor value Plaid accepts.
func IsProcessor(s string) bool {
	for _, p := range Processors {
		if p == s {
			return true
		}
	}
	return false
}
