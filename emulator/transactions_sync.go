package emulator

import (
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
)

// A /transactions/sync cursor carries all the state of a client's sync, so the Item stores
// none: the day the client is up to date with (from; -1 before its first sync), the day the
// current paging loop brings it to (to), and how many changes of that loop it has read (off).
// The changes between two days are derived again on each page, always the same list, so a
// loop's pages never overlap or miss one even when the emulator's day changes mid-loop.
type syncCursor struct {
	from, to, off int
}

// encodeCursor writes the cursor with a tag of the Item, so a cursor is refused on another Item.
func (c syncCursor) encode(itemID string) string {
	tag := sha256.Sum256([]byte(itemID))
	raw := fmt.Sprintf("%x.%d.%d.%d", tag[:4], c.from, c.to, c.off)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeCursor(itemID, s string) (syncCursor, *apiError) {
	if s == "" {
		return syncCursor{from: -1}, nil
	}
	bad := invalidRequest("INVALID_FIELD", "cursor is not a next_cursor this item's /transactions/sync returned; "+
		"send the last next_cursor you stored, or leave cursor out to start over from the full history")
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return syncCursor{}, bad
	}
	var tag string
	var c syncCursor
	if n, err := fmt.Sscanf(strings.ReplaceAll(string(raw), ".", " "), "%s %d %d %d", &tag, &c.from, &c.to, &c.off); err != nil || n != 4 {
		return syncCursor{}, bad
	}
	want := sha256.Sum256([]byte(itemID))
	if tag != fmt.Sprintf("%x", want[:4]) || c.from < -1 || c.off < 0 || (c.off > 0 && c.to < c.from) {
		return syncCursor{}, bad
	}
	return c, nil
}

// syncChange is one entry of a loop's changes: a transaction added, or one removed.
type syncChange struct {
	t       genTxn
	removed bool
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
	if c.off == 0 {
		c.to = today // a new loop: bring the client up to today
	}
	changes := it.syncChanges(accounts, c)
	p := syncPage{added: []transactionJSON{}, modified: []transactionJSON{}, removed: []removedJSON{}}
	if c.off > len(changes) {
		c.off = len(changes)
	}
	end := min(c.off+count, len(changes))
	linked := epochDay(it.created)
	for _, ch := range changes[c.off:end] {
		if ch.removed {
			p.removed = append(p.removed, removedJSON{TransactionID: ch.t.idOn(c.from), AccountID: ch.t.account.id})
		} else {
			p.added = append(p.added, ch.t.json(c.to, linked, originalDescription))
		}
	}
	next := syncCursor{from: c.to, to: c.to}
	if p.hasMore = end < len(changes); p.hasMore {
		next = syncCursor{from: c.from, to: c.to, off: end}
	}
	p.next = next.encode(it.id)
	return p
}
