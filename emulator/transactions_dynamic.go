package emulator

import "math"

// user_transactions_dynamic is Plaid's Sandbox user whose transactions change: its Item starts
// with about fifty transactions of the month before linking, the newest still pending, and each
// /transactions/refresh adds a few new pending ones, posts those pending before it and adds
// $1.00 to the amount of one posted transaction. Like user_good's, these are derived from the
// Item's id; the Item keeps only how many refreshes it had, and the transactions
// /sandbox/transactions/create gave it (user data, which cannot be derived). So the
// transactions at any version (refreshes, created) can be rebuilt, which is what lets a sync
// cursor name the version the client holds (transactions_sync.go) and survive restarts.
//
// Plaid does not say which days a refresh's transactions are dated. Here they are dated the
// day the Item was linked: a refresh keeps no clock, and dating them by the day of the read
// would move them as days pass, which Plaid's transactions never do without a modification.

const (
	dynamicUsername       = "user_transactions_dynamic"
	dynamicInitial        = 50 // transactions the Item holds when linked
	dynamicInitialPending = 5  // the newest of them, pending when linked
	dynamicHistoryDays    = 30 // the days before linking the first ones span
	// notPosted is the postDay of a transaction still pending: later than any day.
	notPosted = math.MaxInt32
)

// dynamicTxns is all a dynamic Item keeps for its transactions.
type dynamicTxns struct {
	refreshes uint32
	made      []madeTxn // from /sandbox/transactions/create, oldest first (h_sandbox_transactions.go)
}

// madeTxn is one transaction /sandbox/transactions/create added, as the caller gave it.
type madeTxn struct {
	desc, currency string
	amount         float64
	day, postDay   int32  // date_transacted and date_posted, in days since 1970
	account        uint16 // the index of the depository account it went to
}

// txnVersion is a version of a dynamic Item's transactions: after how many refreshes, with how
// many created transactions.
type txnVersion struct{ refreshes, made int }

func (d *dynamicTxns) now() txnVersion { return txnVersion{int(d.refreshes), len(d.made)} }

// within says whether v is a version the Item has had by now.
func (v txnVersion) within(now txnVersion) bool {
	return v.refreshes >= 0 && v.made >= 0 && v.refreshes <= now.refreshes && v.made <= now.made
}

// dynamicPlan is what the refreshes up to a version did: where each one's new transactions end
// and how many dollars were added to each of the first posted transactions.
type dynamicPlan struct {
	ends  []int // ends[k]: transactions that exist after refresh k
	bumps [dynamicInitial - dynamicInitialPending]float64
}

// planOf draws refreshes 1..refreshes: each adds one to three transactions and picks one of
// the transactions posted when the Item was linked to add $1.00 to.
func (it *item) planOf(refreshes int) dynamicPlan {
	p := dynamicPlan{ends: make([]int, refreshes+1)}
	p.ends[0] = dynamicInitial
	key := streamKey("dynamic-refreshes\x00" + it.id)
	for k := 1; k <= refreshes; k++ {
		r := newDayStream(key, k)
		p.ends[k] = p.ends[k-1] + 1 + r.intn(3)
		p.bumps[r.intn(len(p.bumps))]++
	}
	return p
}

// dynamicList is the Item's transactions on accounts at version v, oldest first: generated
// ones in the order they were made, then the created ones.
func (it *item) dynamicList(accounts []account, v txnVersion) []genTxn {
	p := it.planOf(v.refreshes)
	linked := epochDay(it.created)
	checking, credit := it.dynamicAccounts()
	key := streamKey("dynamic-transactions\x00" + it.id)
	out := make([]genTxn, 0, p.ends[v.refreshes]+v.made)
	refresh := 0 // the refresh that added transaction n
	for n := 0; n < p.ends[v.refreshes]; n++ {
		for n >= p.ends[refresh] {
			refresh++
		}
		t, ok := dynamicTxn(newDayStream(key, n), accounts, checking, credit)
		if !ok {
			continue // on an account the Item does not share, or not asked for
		}
		t.day, t.postDay = linked, linked
		if refresh == 0 {
			t.day = linked - dynamicHistoryDays + n*dynamicHistoryDays/dynamicInitial
			if n < len(p.bumps) {
				t.postDay = t.day + 1
				t.amount += p.bumps[n]
			}
		}
		firstPending := refresh > 0 || n >= len(p.bumps)
		if firstPending && refresh == v.refreshes {
			t.postDay = notPosted
		}
		t.pendingSeen = firstPending && refresh < v.refreshes
		out = append(out, t)
	}
	return append(out, it.madeList(accounts, v.made)...)
}

// dynamicTxn draws one generated transaction: its account (checking more often than a card),
// merchant, amount and ids. ok is false when its account is not among accounts.
func dynamicTxn(r dayStream, accounts []account, checking, credit []uint16) (genTxn, bool) {
	pool := checking
	if len(credit) > 0 && (len(checking) == 0 || r.float() >= 0.6) {
		pool = credit
	}
	if len(pool) == 0 {
		return genTxn{}, false
	}
	idx := pool[r.intn(len(pool))]
	m := &everyday[r.intn(len(everyday))]
	if len(checking) > 0 && idx == checking[0] && r.intn(10) == 0 {
		m = &payroll
	}
	amount := m.min + r.float()*(m.max-m.min)
	t := genTxn{pendingID: r.id(), postedID: r.id(), amount: float64(int64(amount*100)) / 100, m: m}
	for i := range accounts {
		if accounts[i].index == idx {
			t.account, t.currency = &accounts[i], accounts[i].currency()
			return t, true
		}
	}
	return genTxn{}, false
}

// dynamicAccounts are the indexes of the login's checking accounts and cards, where the
// generated transactions happen.
func (it *item) dynamicAccounts() (checking, credit []uint16) {
	for i := range it.templates() {
		a := it.accountAt(i, "")
		switch txnKind(&a) {
		case "checking":
			checking = append(checking, uint16(i))
		case "credit":
			credit = append(credit, uint16(i))
		}
	}
	return checking, credit
}

// madeList is the first n created transactions that are on accounts. They were created posted
// (their dates are past), so each has one id.
func (it *item) madeList(accounts []account, n int) []genTxn {
	if n == 0 {
		return nil
	}
	ids := accountIDs("made-transactions\x00"+it.id, n)
	var out []genTxn
	for i, m := range it.dyn.made[:n] {
		for j := range accounts {
			if accounts[j].index == m.account {
				out = append(out, genTxn{account: &accounts[j], pendingID: ids[i], postedID: ids[i], day: int(m.day),
					postDay: int(m.postDay), amount: m.amount, currency: m.currency, desc: m.desc})
			}
		}
	}
	return out
}

// dynamicChanges lists what changed on accounts between the versions of cursor c: removals
// (pending transactions that posted), then modifications (amounts), then additions oldest
// first. A first sync (c.from < 0) adds all.
func (it *item) dynamicChanges(accounts []account, c syncCursor) []syncChange {
	after := it.dynamicList(accounts, c.toVersion)
	var before []genTxn
	if c.from >= 0 {
		before = it.dynamicList(accounts, c.fromVersion)
	}
	had := make(map[string]float64, len(before))
	for _, t := range before {
		had[t.dynamicID()] = t.amount
	}
	now := make(map[string]bool, len(after))
	var removed, modified, added []syncChange
	for _, t := range after {
		id := t.dynamicID()
		now[id] = true
		if amount, ok := had[id]; !ok {
			added = append(added, syncChange{t: t})
		} else if amount != t.amount {
			modified = append(modified, syncChange{t: t, modified: true})
		}
	}
	for _, t := range before {
		if !now[t.dynamicID()] {
			removed = append(removed, syncChange{t: t, removed: true})
		}
	}
	return append(append(removed, modified...), added...)
}

// dynamicID is a dynamic transaction's id at the version it was listed for, whatever the day.
func (t genTxn) dynamicID() string {
	if t.postDay == notPosted {
		return t.pendingID
	}
	return t.postedID
}
