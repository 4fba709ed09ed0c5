package emulator

import (
	"encoding/json"
	"fmt"
	"sort"
)

// Signal's evaluations in the state file, so that /signal/decision/report and
// /signal/return/report still find a debit evaluated before a restart, and an id reused for
// another debit is still refused. Each record carries its place in the eviction order, which
// the load puts back; an evicted evaluation's record is deleted with the write that evicts it.

type signalRecord struct {
	ItemID  string `json:"item_id"`
	Account uint16 `json:"account"`
	Cents   int64  `json:"cents"`
	Seq     uint64 `json:"seq"`
}

// saveEvaluationLocked writes an evaluation and deletes the one it evicted (evicted is "" when
// none was). Callers hold e.mu.
func (e *Emulator) saveEvaluationLocked(id string, ev signalEvaluation, seq uint64, evicted string) {
	if e.store == nil {
		return
	}
	ops := []storeOp{{bucketSignals, []byte(id), signalRecord{ItemID: ev.itemID, Account: ev.account, Cents: ev.cents, Seq: seq}}}
	if evicted != "" {
		ops = append(ops, storeOp{bucketSignals, []byte(evicted), nil})
	}
	e.saveLocked(ops...)
}

// loadSignals reads the evaluations back in the order they were made.
func (e *Emulator) loadSignals(s *store) error {
	type loaded struct {
		id string
		r  signalRecord
	}
	var all []loaded
	err := s.each(bucketSignals, func(k, v []byte) error {
		var r signalRecord
		if err := json.Unmarshal(v, &r); err != nil || r.ItemID == "" {
			return fmt.Errorf("a Signal evaluation record is damaged (%v)", err)
		}
		all = append(all, loaded{string(k), r})
		return nil
	})
	if err != nil {
		return err
	}
	sort.Slice(all, func(i, j int) bool { return all[i].r.Seq < all[j].r.Seq })
	log := &e.signals
	for _, l := range all {
		log.add(l.id, signalEvaluation{itemID: l.r.ItemID, account: l.r.Account, cents: l.r.Cents})
		log.next = max(log.next, l.r.Seq+1)
	}
	return nil
}
