package emulator

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"sort"
	"strconv"
	"time"
)

// Signal (issue 17): /signal/evaluate scores a planned ACH debit from an account. The scores
// are derived, not drawn: the debit's cover (the account's balance against the amount) sets the
// bank-initiated return risk, the age of the Item's connection nudges the customer-initiated
// one, and a hash of the Item, account and amount spreads each within its band, so the same
// evaluation always answers the same. The rules are those of a default ruleset written for the
// emulator (Plaid's Dashboard rulesets are not available offline): REROUTE when the balance
// will likely not cover the debit, REVIEW when either risk is elevated, ACCEPT otherwise.

// defaultRuleset is the key Plaid reports when no ruleset_key is given: new Signal customers
// get the ruleset named "default" (the spec's ruleset_key description).
const defaultRuleset = "default"

// signalScores is what an evaluation decides.
type signalScores struct {
	customer, bank int // 1..99
	result         string
	note           string
}

// signalDraw is a number in [0, 1) fixed by the Item, the account, the amount in cents and a
// salt, so one debit always gets the same scores and two debits usually differ.
func signalDraw(itemID string, account uint16, cents int64, salt string) float64 {
	sum := sha256.Sum256([]byte(salt + "\x00" + itemID + "\x00" + strconv.Itoa(int(account)) + "\x00" + strconv.FormatInt(cents, 10)))
	return float64(binary.LittleEndian.Uint64(sum[:8])>>11) / (1 << 53)
}

// bankBands map the debit's cover (balance / amount) to a band of bank-initiated scores: the
// less of the debit the balance covers, the likelier an R01 (insufficient funds) return.
var bankBands = []struct {
	cover  float64 // at least this cover...
	lo, hi int     // ...scores in [lo, hi]
}{{5, 3, 14}, {2, 15, 29}, {1, 30, 49}, {0.5, 50, 74}, {math.Inf(-1), 75, 97}}

// scoreDebit scores a debit of cents from account a of Item it on day today. balance is the
// balance the cover is judged on; known is false when the bank could not be reached (the
// Item needs its user to log in) and the bank score sits mid-band.
func scoreDebit(it *item, a account, cents int64, balance float64, known bool, now time.Time) signalScores {
	draw := func(salt string) float64 { return signalDraw(it.id, a.index, cents, salt) }
	var s signalScores
	switch {
	case !known:
		s.bank = 40 + int(draw("bank")*20)
	case a.typ != "depository": // not an account ACH debits are meant for: R20-style returns
		s.bank = 60 + int(draw("bank")*20)
	default:
		cover := balance / (float64(cents) / 100)
		for _, b := range bankBands {
			if cover >= b.cover {
				s.bank = b.lo + int(draw("bank")*float64(b.hi-b.lo+1))
				break
			}
		}
	}
	s.customer = 3 + int(draw("customer")*18)
	if now.Sub(it.created) < 7*24*time.Hour { // a connection days old is a weaker sign of a real owner
		s.customer += 10
	}
	s.result, s.note = defaultRules(s.customer, s.bank)
	return s
}

// defaultRules is the emulator's default ruleset, with a note in its own words for each rule.
func defaultRules(customer, bank int) (result, note string) {
	switch {
	case bank >= 70:
		return "REROUTE", "bank-initiated return risk is high (the balance is unlikely to cover the debit): offer another way to pay"
	case bank >= 45 || customer >= 60:
		return "REVIEW", "return risk is elevated: check the payment before sending it"
	}
	return "ACCEPT", "return risk is low: send the debit"
}

// customerTier and bankTier are the deprecated risk tiers Plaid still sends with each score
// (1..5 and 1..8), from the score's band.
func customerTier(score int) int { return tierOf(score, []int{10, 20, 40, 70}) }

func bankTier(score int) int { return tierOf(score, []int{10, 20, 30, 45, 60, 75, 90}) }

func tierOf(score int, bounds []int) int {
	for i, b := range bounds {
		if score <= b {
			return i + 1
		}
	}
	return len(bounds) + 1
}

// coreAttributes are the SignalEvaluateCoreAttributes the emulator can tell, by their JSON
// names: the account's balances, its posted transactions of the last 90 days (debits and
// credits counted and summed per window, the amounts' median and 95th percentile over 28 days),
// and the Item's connection. End-of-day balance percentiles are left out: the generated history
// is not reconciled with the account's balance, so walking the balance back through it would
// invent numbers. known is false when the bank could not be read (the Item needs a login).
func (it *item) coreAttributes(a account, amount float64, known bool, now time.Time) map[string]any {
	age := int(now.Sub(it.created) / (24 * time.Hour))
	attrs := map[string]any{
		"days_since_first_plaid_connection":  age,
		"plaid_connections_count_7d":         boolInt(age < 7),
		"plaid_connections_count_30d":        boolInt(age < 30),
		"total_plaid_connections_count":      1,
		"is_savings_or_money_market_account": a.typ == "depository" && (a.subtype == "savings" || a.subtype == "money market"),
		"is_account_closed":                  false,
		"is_account_frozen_or_restricted":    false,
	}
	if !known {
		return attrs
	}
	stamp := now.UTC().Format(time.RFC3339)
	attrs["balance_last_updated"], attrs["transactions_last_updated"] = stamp, stamp
	attrs["available_balance"], attrs["current_balance"] = a.available, a.current
	if b := a.available; b != nil || a.current != nil {
		if b == nil {
			b = a.current
		}
		attrs["balance_to_transaction_amount_ratio"] = round2(*b / amount)
	}
	it.addTransactionAttributes(attrs, a, epochDay(now))
	return attrs
}

// addTransactionAttributes counts account a's posted transactions by age. Plaid's amounts are
// positive for money out (a debit) and negative for money in (a credit).
func (it *item) addTransactionAttributes(attrs map[string]any, a account, today int) {
	windows := []int{10, 30, 60, 90}
	var debits, credits [4]int
	var debitSum, creditSum [4]float64
	var debit28, credit28 []float64
	for _, t := range it.transactionsAsOf(&a, today-92, today) {
		age := today - t.postDay
		if t.pendingOn(today) || age >= 90 {
			continue
		}
		for i, w := range windows {
			if age < w && t.amount > 0 {
				debits[i]++
				debitSum[i] += t.amount
			} else if age < w {
				credits[i]++
				creditSum[i] -= t.amount
			}
		}
		if age < 28 && t.amount > 0 {
			debit28 = append(debit28, t.amount)
		} else if age < 28 {
			credit28 = append(credit28, -t.amount)
		}
	}
	for i, w := range windows {
		d := strconv.Itoa(w) + "d"
		attrs["debit_transactions_count_"+d], attrs["credit_transactions_count_"+d] = debits[i], credits[i]
		attrs["total_debit_transactions_amount_"+d], attrs["total_credit_transactions_amount_"+d] = round2(debitSum[i]), round2(creditSum[i])
	}
	for _, d := range []string{"7d", "30d", "60d", "90d"} { // the generated history has none of these
		attrs["unauthorized_transactions_count_"+d], attrs["nsf_overdraft_transactions_count_"+d] = 0, 0
	}
	debit28, credit28 = sortedCopy(debit28), sortedCopy(credit28)
	attrs["p50_debit_transactions_amount_28d"], attrs["p95_debit_transactions_amount_28d"] = percentile(debit28, 50), percentile(debit28, 95)
	attrs["p50_credit_transactions_amount_28d"], attrs["p95_credit_transactions_amount_28d"] = percentile(credit28, 50), percentile(credit28, 95)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// percentile is the nearest-rank p-th percentile of sorted values, nil when there are none.
func percentile(sorted []float64, p float64) *float64 {
	if len(sorted) == 0 {
		return nil
	}
	i := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	return money(sorted[max(i, 0)])
}

// cents is a dollar amount in whole cents, the unit an evaluation is keyed on.
func cents(amount float64) int64 { return int64(math.Round(amount * 100)) }

// round2 keeps sums of cents free of float noise.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

func sortedCopy(v []float64) []float64 {
	out := append([]float64(nil), v...)
	sort.Float64s(out)
	return out
}
