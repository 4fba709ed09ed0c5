package emulator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) statementsList(access string) result[plaid.StatementsListResponse] {
	return ok(h.client.StatementsList(h.ctx).StatementsListRequest(*plaid.NewStatementsListRequest(access)).Execute())
}

// statementsDownload is the download as plaid-go gives it (a temporary *os.File), read whole,
// with the call's result for its headers or error.
func (h *harness) statementsDownload(access, statementID string) ([]byte, result[bool]) {
	f, resp, err := h.client.StatementsDownload(h.ctx).StatementsDownloadRequest(*plaid.NewStatementsDownloadRequest(access, statementID)).Execute()
	if err != nil || f == nil {
		return nil, ok(false, resp, err)
	}
	defer f.Close()
	data, rerr := io.ReadAll(f)
	return data, ok(rerr == nil, resp, rerr)
}

func (h *harness) statementsRefresh(access, start, end string) result[plaid.StatementsRefreshResponse] {
	return ok(h.client.StatementsRefresh(h.ctx).StatementsRefreshRequest(*plaid.NewStatementsRefreshRequest(access, start, end)).Execute())
}

// linkThrough walks the emulated Link with link_token as user_good at First Platypus Bank,
// picks the account named account, and exchanges the public_token: what a user does in Link.
func (h *harness) linkThrough(linkToken, account string) string {
	h.t.Helper()
	session := h.post("/link/emulated/api/session", `{"link_token":"`+linkToken+`"}`, nil)
	sid, _ := session.body["link_session_id"].(string)
	login := h.post("/link/emulated/api/login", `{"link_session_id":"`+sid+`","institution_id":"ins_109508","username":"user_good","password":"pass_good"}`, nil)
	accounts, _ := login.body["accounts"].([]any)
	for _, a := range accounts {
		if a := a.(map[string]any); a["name"] == account {
			finish := h.post("/link/emulated/api/finish", `{"link_session_id":"`+sid+`","account_ids":["`+a["id"].(string)+`"]}`, nil)
			pub, _ := finish.body["public_token"].(string)
			return h.exchange(pub).AccessToken
		}
	}
	h.t.Fatalf("Link offered no %s: session %v, login %v", account, session.body, login.body)
	return ""
}

// statementsLinkToken is the quickstart's link_token for Statements: the last 30 days.
func (h *harness) statementsLinkToken(products ...plaid.Products) result[plaid.LinkTokenCreateResponse] {
	today := h.clock.Now().UTC()
	req := plaid.NewLinkTokenCreateRequest("Plaid Quickstart", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	req.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-id"))
	req.SetProducts(products)
	req.SetStatements(*plaid.NewLinkTokenCreateRequestStatements(today.AddDate(0, 0, -30).Format(time.DateOnly), today.Format(time.DateOnly)))
	return ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute())
}

// Plaid's quickstart, unchanged: a link_token with statements for the last 30 days, Link,
// /statements/list, then /statements/download of accounts[0].statements[0]. On 2026-03-02 the
// window holds two month ends (January's and February's statements); the PDF is a real one, of
// that account and month, with the transactions posted in it, sent as application/pdf with
// Plaid-Content-Hash; the same call gives the same bytes.
func TestStatementsQuickstartFlow(t *testing.T) {
	h := newHarness(t)
	access := h.linkThrough(h.statementsLinkToken(plaid.PRODUCTS_STATEMENTS).get(t).LinkToken, "Plaid Checking")
	list := h.statementsList(access).get(t)
	if list.InstitutionId != "ins_109508" || list.InstitutionName != "First Platypus Bank" || len(list.Accounts) != 1 {
		t.Fatalf("list = %+v; want First Platypus Bank with the one account shared in Link", list)
	}
	acct := list.Accounts[0]
	if acct.AccountName != "Plaid Checking" || acct.AccountMask != "0000" || acct.AccountType != "depository" || acct.AccountSubtype != "checking" {
		t.Fatalf("account = %+v", acct)
	}
	got := []string{}
	for _, s := range acct.Statements {
		got = append(got, s.GetDatePosted()+"/"+time.Month(s.Month).String())
	}
	if want := "2026-01-31/January 2026-02-28/February"; strings.Join(got, " ") != want {
		t.Fatalf("statements %v; want %s (the month ends from 2026-01-31 to 2026-03-02)", got, want)
	}
	pdf, res := h.statementsDownload(access, acct.Statements[1].StatementId)
	res.get(t)
	if ct := res.resp.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("Content-Type %q, want application/pdf", ct)
	}
	sum := sha256.Sum256(pdf)
	if res.resp.Header.Get("Plaid-Content-Hash") != hex.EncodeToString(sum[:]) {
		t.Errorf("Plaid-Content-Hash %q is not the file's SHA-256", res.resp.Header.Get("Plaid-Content-Hash"))
	}
	text := checkPDF(t, pdf)
	for _, want := range []string{"First Platypus Bank", "Plaid Checking", "ending in 0000", "2026-02-01 to 2026-02-28", "GUSTO PAY", "Money in:"} {
		if !strings.Contains(text, want) {
			t.Errorf("the statement lacks %q:\n%s", want, text)
		}
	}
	again, _ := h.statementsDownload(access, acct.Statements[1].StatementId)
	if !bytes.Equal(pdf, again) {
		t.Error("the same statement downloaded twice differs")
	}
	if other, _ := h.statementsDownload(access, acct.Statements[0].StatementId); bytes.Equal(pdf, other) || !strings.Contains(checkPDF(t, other), "2026-01-01 to 2026-01-31") {
		t.Error("January's statement is not January's")
	}
}

// The Sandbox shortcut without options.statements lists two years of statements for every
// depository account (ids unique); with options.statements, its months. /statements/refresh
// adds the months it asks for and sends STATEMENTS_REFRESH_COMPLETE, signed and valid.
func TestStatementsWindowAndRefresh(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 0)
	access, itemID := h.connectWithWebhook(rc.url(), plaid.PRODUCTS_STATEMENTS)
	list := h.statementsList(access).get(t)
	ids := map[string]bool{}
	for _, a := range list.Accounts {
		if a.AccountType != "depository" || len(a.Statements) != 24 {
			t.Fatalf("%s (%s): %d statements; want depository accounts with 24 (two years)", a.AccountName, a.AccountType, len(a.Statements))
		}
		for _, s := range a.Statements {
			ids[s.StatementId] = true
		}
	}
	if len(list.Accounts) != 6 || len(ids) != 6*24 {
		t.Fatalf("%d accounts, %d distinct ids; want user_good's 6 depository accounts, 144 ids", len(list.Accounts), len(ids))
	}

	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetStatements(*plaid.NewSandboxPublicTokenCreateRequestOptionsStatements("2025-10-15", "2025-12-31"))
	windowed := h.exchange(h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_STATEMENTS}, opts)).AccessToken
	if n := len(h.statementsList(windowed).get(t).Accounts[0].Statements); n != 3 {
		t.Fatalf("2025-10-15..2025-12-31 gave %d statements; want October, November, December", n)
	}
	h.statementsRefresh(windowed, "2026-01-01", "2026-02-28").get(t)
	first := h.statementsList(windowed).get(t).Accounts[0].Statements
	if len(first) != 5 || first[0].Month != 10 || first[4].Month != 2 || first[4].Year != 2026 {
		t.Fatalf("after refreshing Jan..Feb 2026: %+v; want Oct 2025 to Feb 2026", first)
	}
	h.statementsRefresh(access, "2026-01-01", "2026-03-02").get(t)
	body := rc.nextOf(t, h, itemID, "StatementsRefreshCompleteWebhook")
	if body["webhook_type"] != "STATEMENTS" || body["webhook_code"] != "STATEMENTS_REFRESH_COMPLETE" || body["result"] != "SUCCESS" {
		t.Errorf("webhook = %v; want STATEMENTS STATEMENTS_REFRESH_COMPLETE SUCCESS", body)
	}
}

// Errors, in Plaid's shape: an Item without statements, a statement_id of no statement (the
// download's error is JSON, which plaid-go reads as a PlaidError), a link_token for statements
// without its window, and windows Plaid refuses.
func TestStatementsErrors(t *testing.T) {
	h := newHarness(t)
	noStatements := h.connect(plaid.PRODUCTS_AUTH)
	h.statementsList(noStatements).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
	h.statementsRefresh(noStatements, "2026-01-01", "2026-02-01").fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
	access := h.connect(plaid.PRODUCTS_STATEMENTS)
	_, res := h.statementsDownload(access, "vzeNDwK7KQIm4yEog683uElbp9GRLEFXGK98D")
	if pe := res.fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD"); !strings.Contains(pe.ErrorMessage, "/statements/list") {
		t.Errorf("message %q should point at /statements/list", pe.ErrorMessage)
	}
	_, res = h.statementsDownload("access-sandbox-nope", "x")
	res.fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	h.statementsRefresh(access, "2026-02-01", "2026-01-01").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.statementsRefresh(access, "2023-01-01", "2026-01-01").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")

	req := plaid.NewLinkTokenCreateRequest("Plaid Quickstart", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	req.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-id"))
	req.SetProducts([]plaid.Products{plaid.PRODUCTS_STATEMENTS})
	pe := ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute()).fails(t, 400, "INVALID_REQUEST", "MISSING_FIELDS")
	if !strings.Contains(pe.ErrorMessage, "statements") {
		t.Errorf("message %q does not name statements", pe.ErrorMessage)
	}
	req.SetStatements(*plaid.NewLinkTokenCreateRequestStatements("2026-03-01", "2026-01-01"))
	ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute()).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
}

// With --state, a restart keeps the Item's window: the same statements, the same PDF.
func TestStatementsSurviveRestart(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetStatements(*plaid.NewSandboxPublicTokenCreateRequestOptionsStatements("2025-06-01", "2025-08-31"))
	access := h.exchange(h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_STATEMENTS}, opts)).AccessToken
	before := h.statementsList(access).get(t).Accounts[0].Statements
	pdf, _ := h.statementsDownload(access, before[0].StatementId)
	stop()

	h, _ = restoredHarness(t, dir, clock)
	after := h.statementsList(access).get(t).Accounts[0].Statements
	if len(after) != 3 || after[0].StatementId != before[0].StatementId {
		t.Fatalf("after a restart: %+v; want the same three statements as before", after)
	}
	if again, _ := h.statementsDownload(access, before[0].StatementId); !bytes.Equal(pdf, again) {
		t.Error("the statement's PDF changed across a restart")
	}
}

// Link's Account Select offers deposit accounts alone for statements and for signal (the
// accounts with bank statements, and those ACH debits come from), so the quickstart's first
// account has statements; with auth beside them it offers every account, as before.
func TestLinkOffersDepositAccountsForStatementsAndSignal(t *testing.T) {
	window := map[string]any{"start_date": "2026-01-01", "end_date": "2026-02-28"}
	for _, c := range []struct {
		body  map[string]any
		masks string
	}{
		{map[string]any{"products": []string{"statements"}, "statements": window}, "0000 1111 2222 4444 9001 9002"},
		{map[string]any{"products": []string{"signal"}}, "0000 1111 2222 4444 9001 9002"},
		{map[string]any{"products": []string{"auth", "signal"}}, "0000 1111 2222 3333 4444 5555 6666 7777 8888 9001 9002 9999"},
	} {
		r := newLinkRig(t, c.body)
		var masks []string
		for _, acct := range r.login(r.session(), "ins_109508", "user_good", "pass_good").Accounts {
			masks = append(masks, acct.Mask)
		}
		sort.Strings(masks)
		if got := strings.Join(masks, " "); got != c.masks {
			t.Errorf("products %v: Link offers %s, want %s", c.body["products"], got, c.masks)
		}
	}
}
