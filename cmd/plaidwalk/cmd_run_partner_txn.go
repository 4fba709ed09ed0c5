package main

import (
	"fmt"
	"io"

	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
)

// printPartnerTransactions prints what a transactions partner's /processor/transactions/sync
// found: the readiness wait if there was one, the pages, and the first page's first few.
func printPartnerTransactions(w io.Writer, t *plaidflow.PartnerTransactions) {
	if t == nil {
		return
	}
	if note := t.TransactionsNote(); note != "" {
		for _, line := range wrapWords(note, 88) {
			fmt.Fprintf(w, "    %s\n", line)
		}
	}
	if !t.Ready {
		return
	}
	fmt.Fprintf(w, "    %-14s %s\n", "transactions", termtext.SingleLine(t.PagesText()))
	for _, x := range t.Sample {
		fmt.Fprintf(w, "    %-14s %s\n", "", x.Line())
	}
}
