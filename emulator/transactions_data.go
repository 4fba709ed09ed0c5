package emulator

import (
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
	"strconv"
	"time"
)

// Transactions are derived, never stored: what happened on one account on one day is drawn
// from a random stream keyed by the Item's id, the account's index and the day, so any window
// of history can be rebuilt on each call, identically across calls and restarts. An Item keeps
// nothing for them; a sync cursor carries the days the client has seen (transactions_sync.go).

// historyDays is how far back an Item's history goes from the day it was linked (about two
// years, as Sandbox gives).
const historyDays = 730

// DefaultTransactionsReadyDelay is how long after linking the first data is ready by default
// (Options.TransactionsReadyDelay): until then /transactions/get answers PRODUCT_NOT_READY and
// /transactions/sync an empty page, as at Plaid (whose initial pull takes about ten seconds; a
// shorter wait keeps polling clients quick).
const DefaultTransactionsReadyDelay = 5 * time.Second

// merchant is one kind of transaction the generator draws.
type merchant struct {
	name, merchant, website string // merchant "" for transfers, which have no merchant
	primary, detailed       string // personal_finance_category
	legacy                  []string
	legacyID                string
	channel                 string // payment_channel: online, in store, other
	min, max                float64
}

// everyday are the purchases drawn for checking accounts and credit cards.
var everyday = []merchant{
	{"STARBUCKS STORE 0421", "Starbucks", "starbucks.com", "FOOD_AND_DRINK", "FOOD_AND_DRINK_COFFEE", []string{"Food and Drink", "Restaurants", "Coffee Shop"}, "13005043", "in store", 3.5, 9},
	{"UBER TRIP HELP.UBER.COM", "Uber", "uber.com", "TRANSPORTATION", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", []string{"Travel", "Taxi"}, "22016000", "online", 8, 42},
	{"WHOLEFDS MKT 10234", "Whole Foods Market", "wholefoodsmarket.com", "FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES", []string{"Shops", "Supermarkets and Groceries"}, "19047000", "in store", 24, 160},
	{"AMAZON.COM*MK2 AMZN.COM/BILL", "Amazon", "amazon.com", "GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", []string{"Shops", "Digital Purchase"}, "19013000", "online", 12, 140},
	{"SHELL OIL 57442", "Shell", "shell.com", "TRANSPORTATION", "TRANSPORTATION_GAS", []string{"Travel", "Gas Stations"}, "22009000", "in store", 28, 70},
	{"MCDONALD'S F3391", "McDonald's", "mcdonalds.com", "FOOD_AND_DRINK", "FOOD_AND_DRINK_FAST_FOOD", []string{"Food and Drink", "Restaurants", "Fast Food"}, "13005032", "in store", 6, 18},
	{"SPOTIFY USA", "Spotify", "spotify.com", "ENTERTAINMENT", "ENTERTAINMENT_MUSIC_AND_AUDIO", []string{"Service", "Subscription"}, "18061000", "online", 10.99, 10.99},
	{"TARGET T-1375", "Target", "target.com", "GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_SUPERSTORES", []string{"Shops", "Department Stores"}, "19012000", "in store", 15, 120},
	{"SWEETGREEN FLATIRON", "Sweetgreen", "sweetgreen.com", "FOOD_AND_DRINK", "FOOD_AND_DRINK_RESTAURANT", []string{"Food and Drink", "Restaurants"}, "13005000", "in store", 12, 22},
	{"CVS/PHARMACY #04412", "CVS", "cvs.com", "MEDICAL", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS", []string{"Shops", "Pharmacies"}, "19043000", "in store", 5, 60},
	{"UNITED AIRLINES 0162", "United Airlines", "united.com", "TRAVEL", "TRAVEL_FLIGHTS", []string{"Travel", "Airlines and Aviation Services"}, "22001000", "online", 120, 480},
	{"NETFLIX.COM", "Netflix", "netflix.com", "ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES", []string{"Service", "Subscription"}, "18061000", "online", 15.49, 15.49},
}

// Monthly and twice-monthly entries, by account kind.
var (
	payroll      = merchant{"GUSTO PAY 123456 PPD", "Gusto", "gusto.com", "INCOME", "INCOME_WAGES", []string{"Transfer", "Payroll"}, "21009000", "other", -2650, -2350}
	rent         = merchant{"ACH DEBIT PLATYPUS PROPERTIES", "", "", "RENT_AND_UTILITIES", "RENT_AND_UTILITIES_RENT", []string{"Payment", "Rent"}, "16002000", "other", 1850, 1850}
	utility      = merchant{"CON EDISON PAYMENT", "Con Edison", "coned.com", "RENT_AND_UTILITIES", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", []string{"Service", "Utilities"}, "18068000", "online", 60, 140}
	cardPayment  = merchant{"PAYMENT THANK YOU", "", "", "LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", []string{"Payment", "Credit Card"}, "16001000", "other", -650, -250}
	transferIn   = merchant{"TRANSFER FROM CHECKING", "", "", "TRANSFER_IN", "TRANSFER_IN_ACCOUNT_TRANSFER", []string{"Transfer", "Deposit"}, "21007000", "other", -300, -100}
	interestPaid = merchant{"INTEREST PAYMENT", "", "", "INCOME", "INCOME_INTEREST_EARNED", []string{"Transfer", "Credit"}, "21005000", "other", -4, -0.5}
)

// genTxn is one derived transaction before it is put in Plaid's shape.
type genTxn struct {
	account   *account // the caller's: a transaction is copied around, an account is big
	pendingID string   // its id while pending
	postedID  string   // its id once posted
	day       int      // the day it was made (authorized), in days since 1970-01-01
	postDay   int      // the day it posts
	amount    float64
	currency  string
	m         *merchant // nil for a custom user's configured transaction
	desc      string    // a configured transaction's description
	// pendingSeen marks a posted transaction of the dynamic user that the client saw pending:
	// it names its pending id, whatever its dates (transactions_dynamic.go).
	pendingSeen bool
}

// epochDay is t's date in days since 1970-01-01 (UTC, as Plaid's dates are).
func epochDay(t time.Time) int { return int(t.UTC().Unix() / 86400) }

func dayDate(d int) string { return time.Unix(int64(d)*86400, 0).UTC().Format(time.DateOnly) }

// dayStream is the random stream of one account's day: PCG (whose output its algorithm fixes,
// unlike math/rand's helpers) keyed by the account's key and the day, read through our own
// mappings so the data never changes with a Go release.
type dayStream struct{ pcg *rand.PCG }

func newDayStream(key [2]uint64, d int) dayStream {
	return dayStream{rand.NewPCG(key[0], key[1]^uint64(d)*0x9E3779B97F4A7C15)}
}

func (s dayStream) float() float64 { return float64(s.pcg.Uint64()>>11) / (1 << 53) }

func (s dayStream) intn(n int) int { return int(s.pcg.Uint64() % uint64(n)) }

// id reads a transaction id: 37 letters and digits, as Plaid's are.
func (s dayStream) id() string {
	var id [37]byte
	for got := 0; got < len(id); {
		for u := s.pcg.Uint64(); u != 0 && got < len(id); u >>= 8 {
			if c := byte(u); int(c) < unbiasedBelow {
				id[got] = alphanumerics[int(c)%len(alphanumerics)]
				got++
			}
		}
	}
	return string(id[:])
}

// accountKey keys the streams of account a's days: hashed once per call, not once per day.
func (it *item) accountKey(a *account, domain string) [2]uint64 {
	return streamKey(domain + "\x00" + it.id + "\x00" + strconv.Itoa(int(a.index)))
}

// streamKey is the key of the random streams named by s.
func streamKey(s string) [2]uint64 {
	k := sha256.Sum256([]byte(s))
	return [2]uint64{binary.LittleEndian.Uint64(k[:8]), binary.LittleEndian.Uint64(k[8:16])}
}

// generatedDay draws what happened on account a on day d. Posting takes two days.
func generatedDay(a *account, key [2]uint64, d int) []genTxn {
	var buf [3]*merchant
	picks := buf[:0]
	r := newDayStream(key, d)
	mday := time.Unix(int64(d)*86400, 0).UTC().Day()
	switch kind := txnKind(a); kind {
	case "checking":
		if mday == 1 || mday == 15 {
			picks = append(picks, &payroll)
		}
		if mday == 3 {
			picks = append(picks, &rent)
		}
		if mday == 12 {
			picks = append(picks, &utility)
		}
		if r.float() < 0.25 {
			picks = append(picks, &everyday[r.intn(len(everyday))])
		}
	case "credit":
		if mday == 20 {
			picks = append(picks, &cardPayment)
		}
		if r.float() < 0.2 {
			picks = append(picks, &everyday[r.intn(len(everyday))])
		}
	case "saving":
		if mday == 5 {
			picks = append(picks, &transferIn)
		}
		if mday == 28 {
			picks = append(picks, &interestPaid)
		}
	}
	if len(picks) == 0 {
		return nil
	}
	out := make([]genTxn, len(picks))
	for i, m := range picks {
		amount := m.min + r.float()*(m.max-m.min)
		out[i] = genTxn{account: a, pendingID: r.id(), postedID: r.id(), day: d, postDay: d + 2,
			amount: float64(int64(amount*100)) / 100, currency: a.currency(), m: m}
	}
	return out
}

// txnKind says which transactions an account gets: investment and loan accounts get none here
// (their activity belongs to Investments and Liabilities).
func txnKind(a *account) string {
	switch {
	case a.typ == "credit":
		return "credit"
	case a.typ == "depository" && a.subtype == "checking":
		return "checking"
	case a.typ == "depository":
		return "saving"
	}
	return ""
}

// configured are a custom user's transactions for account a, or nil when it gave none (and the
// account gets generated ones, as Plaid gives random data to a config without them).
func (it *item) configured(a *account) []genTxn {
	if a.over == nil || len(a.over.Transactions) == 0 {
		return nil
	}
	list := a.over.Transactions
	ids := accountIDs("custom-transactions\x00"+it.id+"\x00"+strconv.Itoa(int(a.index)), 2*len(list))
	out := make([]genTxn, len(list))
	for i, t := range list {
		made, _ := time.Parse(time.DateOnly, t.DateTransacted) // checked when the config was read
		posted, _ := time.Parse(time.DateOnly, t.DatePosted)
		cur := t.Currency
		if cur == "" {
			cur = a.currency()
		}
		out[i] = genTxn{account: a, pendingID: ids[2*i], postedID: ids[2*i+1], day: epochDay(made), postDay: epochDay(posted),
			amount: *t.Amount, currency: cur, desc: t.Description}
	}
	return out
}

// transactionsAsOf lists what account a shows on day today, for made days in [from, today]:
// a custom user's configured ones whatever their day, the dynamic user's as its refreshes left
// them, else generated history from historyDays before the Item was linked.
func (it *item) transactionsAsOf(a *account, from, today int) []genTxn {
	if it.dyn != nil {
		return it.dynamicList([]account{*a}, it.dyn.now())
	}
	if c := it.configured(a); c != nil {
		return c
	}
	if txnKind(a) == "" {
		return nil
	}
	if start := epochDay(it.created) - historyDays; from < start {
		from = start
	}
	key := it.accountKey(a, "transactions")
	var out []genTxn
	for d := from; d <= today; d++ {
		out = append(out, generatedDay(a, key, d)...)
	}
	return out
}

// eachTransaction calls fn with each transaction transactionsAsOf lists for accounts; a
// dynamic Item's are listed once for all of them, as each listing derives its refreshes.
func (it *item) eachTransaction(accounts []account, from, today int, fn func(genTxn)) {
	if it.dyn != nil {
		for _, t := range it.dynamicList(accounts, it.dyn.now()) {
			fn(t)
		}
		return
	}
	for i := range accounts {
		for _, t := range it.transactionsAsOf(&accounts[i], from, today) {
			fn(t)
		}
	}
}

// pendingOn says whether t is still pending on day today; a pending and a posted transaction
// have different ids, as at Plaid.
func (t genTxn) pendingOn(today int) bool { return t.postDay > today }

func (t genTxn) idOn(today int) string {
	if t.pendingOn(today) {
		return t.pendingID
	}
	return t.postedID
}
