package emulator

import (
	"strconv"
	"time"
)

// /transactions/recurring/get (and its processor variant) groups the generated history's recurring entries (payroll, rent,
// utilities, card payments, transfers in, interest) into streams, each derived like the rest.

// recurring are the merchants that make streams, with how often they come.
var recurring = map[*merchant]string{
	&payroll: "SEMI_MONTHLY", &rent: "MONTHLY", &utility: "MONTHLY", &cardPayment: "MONTHLY",
	&transferIn: "MONTHLY", &interestPaid: "MONTHLY",
}

type streamAmount struct {
	Amount                 float64 `json:"amount"`
	IsoCurrencyCode        *string `json:"iso_currency_code"`
	UnofficialCurrencyCode *string `json:"unofficial_currency_code"`
}

type streamJSON struct {
	AccountID               string       `json:"account_id"`
	StreamID                string       `json:"stream_id"`
	Category                []string     `json:"category"`
	CategoryID              *string      `json:"category_id"`
	Description             string       `json:"description"`
	MerchantName            *string      `json:"merchant_name"`
	FirstDate               string       `json:"first_date"`
	LastDate                string       `json:"last_date"`
	PredictedNextDate       *string      `json:"predicted_next_date"`
	Frequency               string       `json:"frequency"`
	TransactionIDs          []string     `json:"transaction_ids"`
	AverageAmount           streamAmount `json:"average_amount"`
	LastAmount              streamAmount `json:"last_amount"`
	IsActive                bool         `json:"is_active"`
	Status                  string       `json:"status"`
	PersonalFinanceCategory *pfcJSON     `json:"personal_finance_category"`
	IsUserModified          bool         `json:"is_user_modified"`
}

type recurringResponse struct {
	Inflow    []streamJSON `json:"inflow_streams"`
	Outflow   []streamJSON `json:"outflow_streams"`
	Updated   string       `json:"updated_datetime"`
	RequestID string       `json:"request_id"`
}

// streamsOf builds account a's streams from its posted transactions on day today.
func (it *item) streamsOf(a *account, today int) (inflow, outflow []streamJSON) {
	byMerchant := map[*merchant]*streamJSON{}
	var order []*merchant
	total := map[*merchant]float64{}
	for _, t := range it.transactionsAsOf(a, 0, today) {
		freq, ok := recurring[t.m]
		if !ok || t.pendingOn(today) {
			continue
		}
		s := byMerchant[t.m]
		if s == nil {
			s = it.newStream(a, t.m, freq, t.postDay)
			byMerchant[t.m], order = s, append(order, t.m)
		}
		s.LastDate = dayDate(t.postDay)
		s.TransactionIDs = append(s.TransactionIDs, t.postedID)
		s.LastAmount.Amount = t.amount
		total[t.m] += t.amount
	}
	for _, m := range order {
		s := byMerchant[m]
		s.AverageAmount.Amount = float64(int64(total[m]/float64(len(s.TransactionIDs))*100)) / 100
		next := dayDate(nextDue(s.LastDate, s.Frequency))
		s.PredictedNextDate = &next
		if m.min < 0 {
			inflow = append(inflow, *s)
		} else {
			outflow = append(outflow, *s)
		}
	}
	return inflow, outflow
}

func (it *item) newStream(a *account, m *merchant, freq string, first int) *streamJSON {
	cur := nullable(a.currency())
	s := &streamJSON{AccountID: a.id, StreamID: accountIDs("stream\x00"+it.id+"\x00"+strconv.Itoa(int(a.index))+"\x00"+m.name, 1)[0],
		Category: m.legacy, CategoryID: nullable(m.legacyID), Description: m.name, MerchantName: nullable(m.merchant),
		FirstDate: dayDate(first), Frequency: freq, IsActive: true, Status: "MATURE",
		PersonalFinanceCategory: &pfcJSON{Primary: m.primary, Detailed: m.detailed, ConfidenceLevel: "VERY_HIGH"},
		AverageAmount:           streamAmount{IsoCurrencyCode: cur}, LastAmount: streamAmount{IsoCurrencyCode: cur}}
	return s
}

// nextDue is the day after last a stream of frequency should come again.
func nextDue(last, frequency string) int {
	d, _ := time.Parse(time.DateOnly, last)
	if frequency == "SEMI_MONTHLY" {
		return epochDay(d) + 15
	}
	return epochDay(d.AddDate(0, 1, 0))
}

func (e *Emulator) transactionsRecurringGet(q *apiRequest) (any, *apiError) {
	var req struct {
		AccessToken string   `json:"access_token"`
		AccountIDs  []string `json:"account_ids"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if perr := checkAccountIDs("account_ids", req.AccountIDs); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	treq := transactionsRequest{AccessToken: req.AccessToken}
	treq.Options.AccountIDs = req.AccountIDs
	it, accounts, perr := e.itemForTransactions(treq)
	if perr != nil {
		return nil, perr
	}
	return e.recurringStreams(it, accounts, q.requestID)
}

// processorTransactionsRecurringGet is a transactions partner's view: the streams of its
// token's account.
func (e *Emulator) processorTransactionsRecurringGet(q *apiRequest) (any, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerTransactions(q)
	if perr != nil {
		return nil, perr
	}
	return e.recurringStreams(it, []account{a}, q.requestID)
}

// recurringStreams answers the accounts' streams once the Item's transactions are ready.
// Callers hold e.mu.
func (e *Emulator) recurringStreams(it *item, accounts []account, requestID string) (any, *apiError) {
	if !e.transactionsReady(it) {
		return nil, productNotReady()
	}
	resp := recurringResponse{Inflow: []streamJSON{}, Outflow: []streamJSON{}, RequestID: requestID,
		Updated: it.created.Add(e.txnDelay).UTC().Format(time.RFC3339)}
	today := epochDay(e.now())
	for i := range accounts {
		in, out := it.streamsOf(&accounts[i], today)
		resp.Inflow, resp.Outflow = append(resp.Inflow, in...), append(resp.Outflow, out...)
	}
	return resp, nil
}
