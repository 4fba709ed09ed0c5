package emulator

import "strings"

// processors are the `processor` values Plaid accepts on /processor/token/create (its 2026
// list; the spec inside plaid-go v20 predates many of them and still lists prime_trust).
var processors = strings.Fields(`dwolla galileo modern_treasury ocrolus vesta drivewealth vopay achq
check checkbook circle sila_money rize svb_api unit wyre lithic alpaca astra moov treasury_prime
marqeta checkout solid highnote gemini apex_clearing gusto adyen atomic i2c wepay riskified utb
adp_roll fortress_trust bond bakkt teal zero_hash taba_pay knot sardine alloy finix nuvei layer
boom paynote stake wedbush esusu ansa scribeup straddle loanpro bloom_credit sfox brale parafin
cardless open_ledger valon gainbridge cardlytics pinwheel thread_bank array fiant oatfi curinos
frame interchecks interchange atomicfi pay natural kanmon`)

// retiredProcessors were valid once; Plaid now refuses them.
var retiredProcessors = map[string]string{
	"prime_trust": "prime_trust was removed from the API in March 2024 (Prime Trust no longer operates)",
}

func checkProcessor(p string) *apiError {
	if why, ok := retiredProcessors[p]; ok {
		return invalidRequest("INVALID_FIELD", "processor must be a supported processor: "+why)
	}
	if !contains(processors, p) {
		return invalidRequest("INVALID_FIELD", "processor must be a supported processor; "+p+" is not one")
	}
	return nil
}
