package plaidflow

import (
	"context"
	"fmt"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/termtext"
)

// PartnerTransactions is what a transactions partner (Boom, Cardlytics, ...) pulled with
// /processor/transactions/sync: the first page in brief and how many pages it took.
type PartnerTransactions struct {
	// NotReadyAnswers counts the first calls that came back empty with next_cursor "": Plaid's
	// answer while it is still pulling the Item's history (not an error, and not
	// PRODUCT_NOT_READY as /transactions/get answers).
	NotReadyAnswers int `json:"not_ready_answers"`
	// Ready: a page with a cursor came back; false when the tries ran out first.
	Ready     bool   `json:"ready"`
	Status    string `json:"transactions_update_status,omitempty"`
	FirstPage int    `json:"first_page_added"`
	Pages     int    `json:"pages"`
	Added     int    `json:"added"`
	MorePages bool   `json:"more_pages"` // paging stopped at MaxSyncPages with has_more still true
	PageSize  int    `json:"page_size"`
	Sample    []Txn  `json:"sample,omitempty"`
	// Refused is the error_code of a sandbox test token's refusal (its Item was made without
	// transactions); "" otherwise.
	Refused string `json:"refused,omitempty"`
}

// Txn is one transaction as the partner view lists it.
type Txn struct {
	Date     string  `json:"date"`
	Name     string  `json:"name"`
	Amount   float64 `json:"amount"`
	Currency string  `json:"iso_currency_code,omitempty"`
	Pending  bool    `json:"pending"`
}

const (
	// MaxSyncPages bounds the partner's paging: enough for user_good's history at the page
	// size below, and no more calls than a screen can tell.
	MaxSyncPages = 10
	// syncPageSize is the count each page asks for: Plaid's default, as most partners leave it.
	syncPageSize = 100
	// syncReadyTries is how many first calls the readiness wait makes (Plaid's Sandbox has the
	// history about ten seconds after linking; the emulator after its ready delay).
	syncReadyTries = 10
	// sampleSize is how many of the first page's transactions are shown.
	sampleSize = 5
)

// SyncNotReady is the progress step reported while the first sync comes back empty.
const SyncNotReady = "transactions_not_ready"

// partnerTransactions reads the transactions into v. A sandbox test token comes from
// /sandbox/processor_token/create, which takes no products: when Plaid refuses its sync for
// that reason the view keeps what was read and says why, instead of failing whole.
func (c *Client) partnerTransactions(ctx context.Context, v *PartnerView, token string, progress func(Progress)) error {
	t, err := c.readTransactions(ctx, token, progress)
	v.Transactions = t
	if pe, ok := AsPlaidError(err); ok && v.TestToken != "" && pe.Code == "PRODUCTS_NOT_SUPPORTED" {
		t.Refused = pe.Code
		return nil
	}
	return err
}

// readTransactions pages through /processor/transactions/sync as a partner does: the first
// call, again while it answers nothing with an empty next_cursor, then next_cursor while
// has_more, up to MaxSyncPages.
func (c *Client) readTransactions(ctx context.Context, token string, progress func(Progress)) (*PartnerTransactions, error) {
	out := &PartnerTransactions{PageSize: syncPageSize}
	first, err := c.firstSyncPage(ctx, token, out, progress)
	if err != nil || !out.Ready {
		return out, err
	}
	page := first
	for {
		out.Pages++
		out.Added += len(page.Added)
		if !page.HasMore || out.Pages >= MaxSyncPages {
			out.MorePages = page.HasMore
			out.Status = termtext.SingleLine(page.TransactionsUpdateStatus)
			return out, nil
		}
		if page, err = c.syncPage(ctx, token, page.NextCursor); err != nil {
			return out, err
		}
	}
}

// firstSyncPage makes the first call until it carries a cursor, waiting between tries as the
// Asset Report polls do; progress hears each empty answer.
func (c *Client) firstSyncPage(ctx context.Context, token string, out *PartnerTransactions, progress func(Progress)) (syncAnswer, error) {
	wait := c.PollInterval
	for try := 1; ; try++ {
		page, err := c.syncPage(ctx, token, "")
		if err != nil {
			return page, err
		}
		if page.NextCursor != "" || page.HasMore || len(page.Added) > 0 {
			out.Ready, out.FirstPage = true, len(page.Added)
			for _, t := range page.Added[:min(sampleSize, len(page.Added))] {
				out.Sample = append(out.Sample, txnFrom(t))
			}
			return page, nil
		}
		out.NotReadyAnswers++
		out.Status = termtext.SingleLine(page.TransactionsUpdateStatus)
		if try >= syncReadyTries {
			return page, nil
		}
		if progress != nil {
			progress(Progress{Step: SyncNotReady, Attempt: try, Message: fmt.Sprintf(
				"transactions are not ready yet (an empty page with next_cursor \"\"); asking again in %s (%d of %d)",
				FormatLatency(wait), try+1, syncReadyTries)})
		}
		if err := sleep(ctx, wait); err != nil {
			return page, err
		}
		wait = min(wait*3/2, c.PollMax)
	}
}

// syncPage is one /processor/transactions/sync call from cursor ("" for the first).
func (c *Client) syncPage(ctx context.Context, token, cursor string) (syncAnswer, error) {
	req := plaid.NewProcessorTransactionsSyncRequest(token)
	req.SetCount(syncPageSize)
	if cursor != "" {
		req.SetCursor(cursor)
	}
	var page syncAnswer
	err := c.readInto(ctx, "/processor/transactions/sync", req, &page)
	return page, err
}

// syncAnswer is what the partner view reads of a sync page: the paging and a few fields of
// each transaction added (the API log keeps the whole answer).
type syncAnswer struct {
	Added                    []syncTxn `json:"added"`
	NextCursor               string    `json:"next_cursor"`
	HasMore                  bool      `json:"has_more"`
	TransactionsUpdateStatus string    `json:"transactions_update_status"`
}

type syncTxn struct {
	Date            string  `json:"date"`
	Name            string  `json:"name"`
	MerchantName    string  `json:"merchant_name"`
	Amount          float64 `json:"amount"`
	IsoCurrencyCode string  `json:"iso_currency_code"`
	Pending         bool    `json:"pending"`
}

func txnFrom(t syncTxn) Txn {
	name := t.MerchantName
	if name == "" {
		name = t.Name
	}
	return Txn{Date: termtext.SingleLine(t.Date), Name: termtext.SingleLine(name), Amount: t.Amount,
		Currency: termtext.SingleLine(t.IsoCurrencyCode), Pending: t.Pending}
}

// TransactionsNote says in a line what the partner's sync found, for the screen and run.
func (t *PartnerTransactions) TransactionsNote() string {
	switch {
	case t.Refused != "":
		return "Plaid refused the sync (" + t.Refused + "): the test token's Item from /sandbox/processor_token/create was not made with transactions, " +
			"as that call takes no products. The partner's own token, from an Item linked with transactions, reads them; offline plaidwalk reads with the walk's token."
	case !t.Ready:
		return fmt.Sprintf("Transactions were still not ready after %d tries: each /processor/transactions/sync came back empty with next_cursor \"\", "+
			"Plaid's answer while it pulls the history (in Sandbox about ten seconds after linking); a partner waits for the SYNC_UPDATES_AVAILABLE webhook or asks again later.", t.NotReadyAnswers)
	case t.NotReadyAnswers > 0:
		return fmt.Sprintf("The first %d calls came back empty with next_cursor \"\" (the history was still being pulled); then the pages came.", t.NotReadyAnswers)
	}
	return ""
}

// PagesText is "3 pages of up to 100, 212 transactions added" (with the bound said when hit).
func (t *PartnerTransactions) PagesText() string {
	s := fmt.Sprintf("%d added on the first page; %d page", t.FirstPage, t.Pages)
	if t.Pages != 1 {
		s += "s"
	}
	s += fmt.Sprintf(" of up to %d in all, %d added", t.PageSize, t.Added)
	if t.MorePages {
		s += fmt.Sprintf("; stopped after %d pages with has_more still true", MaxSyncPages)
	}
	return s
}

// Line is the transaction on one line: date, amount (Plaid's sign: positive leaves the
// account), currency, name, and whether it is pending. Every part was cleaned when read.
func (x Txn) Line() string {
	line := fmt.Sprintf("%s %10.2f %s  %s", x.Date, x.Amount, x.Currency, x.Name)
	if x.Pending {
		line += " (pending)"
	}
	return line
}
