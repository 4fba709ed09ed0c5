package emulator

import (
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A /transactions/sync cursor carries all the state of a client's sync, so the Item stores
// none: the day the client is up to date with (from; -1 before its first sync), the day the
// current paging loop brings it to (to), and how many changes of that loop it has read (off).
// The changes between two days are derived again on each page, always the same list, so a
// loop's pages never overlap or miss one even when the emulator's day changes mid-loop. A
// dynamic Item's cursor also names the versions (transactions_dynamic.go) the client holds
// and the loop brings it to, so refreshes and created transactions mid-loop wait for the
// next loop too.
type syncCursor struct {
	from, to, off          int
	dynamic                bool // the Item is user_transactions_dynamic's: the versions below count
	fromVersion, toVersion txnVersion
}

// encode writes the cursor with a tag of the Item, so a cursor is refused on another Item.
func (c syncCursor) encode(itemID string) string {
	tag := sha256.Sum256([]byte(itemID))
	raw := fmt.Sprintf("%x.%d.%d.%d", tag[:4], c.from, c.to, c.off)
	if c.dynamic {
		raw += fmt.Sprintf(".%d.%d.%d.%d", c.fromVersion.refreshes, c.fromVersion.made, c.toVersion.refreshes, c.toVersion.made)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// decodeCursor reads a cursor of it, refusing one of another Item or one naming a version the
// Item never had.
func decodeCursor(it *item, s string) (syncCursor, *apiError) {
	c := syncCursor{from: -1, dynamic: it.dyn != nil}
	if s == "" {
		return c, nil
	}
	bad := invalidRequest("INVALID_FIELD", "cursor is not a next_cursor this item's /transactions/sync returned; "+
		"send the last next_cursor you stored, or leave cursor out to start over from the full history")
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return c, bad
	}
	parts := strings.Split(string(raw), ".")
	want := sha256.Sum256([]byte(it.id))
	if (len(parts) != 4 && len(parts) != 8) || (len(parts) == 8) != c.dynamic || parts[0] != fmt.Sprintf("%x", want[:4]) {
		return c, bad
	}
	n := make([]int, len(parts)-1)
	for i, p := range parts[1:] {
		if n[i], err = strconv.Atoi(p); err != nil {
			return c, bad
		}
	}
	c.from, c.to, c.off = n[0], n[1], n[2]
	if c.from < -1 || c.off < 0 || (c.off > 0 && c.to < c.from) {
		return c, bad
	}
	if c.dynamic {
		c.fromVersion, c.toVersion = txnVersion{n[3], n[4]}, txnVersion{n[5], n[6]}
		if now := it.dyn.now(); !c.fromVersion.within(c.toVersion) || !c.toVersion.within(now) {
			return c, bad
		}
	}
	return c, nil
}

// syncChange is one entry of a loop's changes: a transaction added, modified or removed.
type syncChange struct {
	t                 genTxn
	removed, modified bool
}

// syncChanges lists what changed on accounts between the days c.from and c.to: removals first,
// then additions oldest first. A pending transaction that posted shows as its pending id
// removed and its posted id added, as at Plaid.
func (it *item) syncChanges(accounts []account, c syncCursor) []syncChange {
	var removed, added []syncChange
	for i := range accounts {
		a := &accounts[i]
		lo := 0
		if c.from >= 0 {
			lo = c.from - 3 // days before this were posted on both days: nothing changed
		}
		now := it.transactionsAsOf(a, lo, c.to)
		seen := make(map[string]bool, len(now))
		for _, t := range now {
			seen[t.idOn(c.to)] = true
		}
		before := map[string]bool{}
		if c.from >= 0 {
			for _, t := range it.transactionsAsOf(a, lo, c.from) {
				id := t.idOn(c.from)
				before[id] = true
				if !seen[id] {
					removed = append(removed, syncChange{t: t, removed: true})
				}
			}
		}
		for _, t := range now {
			if !before[t.idOn(c.to)] {
				added = append(added, syncChange{t: t})
			}
		}
	}
	// Sorted through indexes: a change is too big to move around cheaply.
	order := make([]int32, len(added))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int { return cmp.Compare(added[i].t.day, added[j].t.day) })
	out := slices.Grow(removed, len(added))
	for _, i := range order {
		out = append(out, added[i])
	}
	return out
}

// syncPage is one page of a sync loop.
type syncPage struct {
	added, modified []transactionJSON
	removed         []removedJSON
	next            string
	hasMore         bool
}

// syncPageOf reads the page after cursor c on day today, count changes at most.
func (it *item) syncPageOf(accounts []account, c syncCursor, today, count int, originalDescription bool) syncPage {
	var changes []syncChange
	if c.off == 0 { // a new loop: bring the client up to today
		c.to = today
		if c.dynamic {
			c.toVersion = it.dyn.now()
		}
	}
	if c.dynamic {
		changes = it.dynamicChanges(accounts, c)
	} else {
		changes = it.syncChanges(accounts, c)
	}
	p := syncPage{added: []transactionJSON{}, modified: []transactionJSON{}, removed: []removedJSON{}}
	if c.off > len(changes) {
		c.off = len(changes)
	}
	end := min(c.off+count, len(changes))
	linked := epochDay(it.created)
	for _, ch := range changes[c.off:end] {
		switch {
		case ch.removed:
			p.removed = append(p.removed, removedJSON{TransactionID: ch.t.idOn(c.from), AccountID: ch.t.account.id})
		case ch.modified:
			p.modified = append(p.modified, ch.t.json(c.to, linked, originalDescription))
		default:
			p.added = append(p.added, ch.t.json(c.to, linked, originalDescription))
		}
	}
	next := syncCursor{from: c.to, to: c.to, dynamic: c.dynamic, fromVersion: c.toVersion, toVersion: c.toVersion}
	if p.hasMore = end < len(changes); p.hasMore {
		next, next.off = c, end
	}
	p.next = next.encode(it.id)
	return p
}
