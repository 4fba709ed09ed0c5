package emulator

import (
	"fmt"
	"time"
)

// The state file's record of what a user_transactions_dynamic Item keeps: its refresh count and
// the transactions /sandbox/transactions/create gave it (store_records.go holds the Item's
// other fields).

type dynamicRecord struct {
	Refreshes uint32       `json:"refreshes"`
	Made      []madeRecord `json:"made,omitempty"`
}

type madeRecord struct {
	Description    string  `json:"description"`
	Currency       string  `json:"iso_currency_code"`
	Amount         float64 `json:"amount"`
	DateTransacted string  `json:"date_transacted"`
	DatePosted     string  `json:"date_posted"`
	Account        uint16  `json:"account"` // the index of the account it went to
}

// record is the record of d; nil for an Item of another login.
func (d *dynamicTxns) record() *dynamicRecord {
	if d == nil {
		return nil
	}
	r := &dynamicRecord{Refreshes: d.refreshes}
	for _, m := range d.made {
		r.Made = append(r.Made, madeRecord{Description: m.desc, Currency: m.currency, Amount: m.amount,
			DateTransacted: dayDate(int(m.day)), DatePosted: dayDate(int(m.postDay)), Account: m.account})
	}
	return r
}

// txns rebuilds what the Item keeps, refusing a record this version would serve wrongly.
func (r *dynamicRecord) txns(it *item) (*dynamicTxns, error) {
	if len(r.Made) > maxMadeTxns {
		return nil, fmt.Errorf("%d created transactions, more than the %d an item holds", len(r.Made), maxMadeTxns)
	}
	d := &dynamicTxns{refreshes: r.Refreshes, made: make([]madeTxn, 0, len(r.Made))}
	for i, m := range r.Made {
		made, err1 := time.Parse(time.DateOnly, m.DateTransacted)
		posted, err2 := time.Parse(time.DateOnly, m.DatePosted)
		if err1 != nil || err2 != nil || int(m.Account) >= it.templates() {
			return nil, fmt.Errorf("created transaction %d has bad dates (%q, %q) or account %d", i, m.DateTransacted, m.DatePosted, m.Account)
		}
		d.made = append(d.made, madeTxn{desc: m.Description, currency: m.Currency, amount: m.Amount,
			day: int32(epochDay(made)), postDay: int32(epochDay(posted)), account: m.Account})
	}
	return d, nil
}
