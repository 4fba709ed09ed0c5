package emulator

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// TestLinkGivesTheItemItsWebhookAndHostedLinkSendsLinkWebhooks: an Item made through Link
// takes the link_token's webhook; a Hosted Link session sends ITEM_ADD_RESULT and
// SESSION_FINISHED, and SESSION_FINISHED EXITED when the user leaves.
func TestLinkGivesTheItemItsWebhookAndHostedLinkSendsLinkWebhooks(t *testing.T) {
	rc := newReceiver(t, 0)
	r := newLinkRig(t, map[string]any{"webhook": rc.url(), "hosted_link": map[string]any{}})
	h := &harness{t: t, url: r.srv.URL, client: plaidClient(r.srv.URL, TestClientID, TestSecret), ctx: context.Background()}
	sid := r.session()
	a := r.login(sid, "ins_109508", "user_good", "pass_good")
	pageEvents := []map[string]any{
		{"name": "TRANSITION_VIEW", "metadata": map[string]any{"view_name": "CREDENTIAL", "timestamp": "2026-12-07T04:40:01.250Z", "error_code": nil}},
		{"name": "ERROR", "metadata": map[string]any{"error_code": "INVALID_CREDENTIALS", "error_type": "ITEM_ERROR",
			"institution_id": "ins_109508", "timestamp": "2026-12-07T04:40:09.500Z", "secret_thing": "not passed on"}},
	}
	f, _ := r.call("finish", map[string]any{"link_session_id": sid, "account_ids": []string{a.Accounts[0].ID}, "events": pageEvents})
	add := mustVerify(t, h, rc.next(t), "ItemAddResultWebhook")
	done := mustVerify(t, h, rc.next(t), "LinkSessionFinishedWebhook")
	if add["public_token"] != f.PublicToken || add["link_session_id"] != sid || add["link_token"] != r.token ||
		done["status"] != "SUCCESS" || done["public_tokens"].([]any)[0] != f.PublicToken {
		t.Fatalf("ITEM_ADD_RESULT %v, SESSION_FINISHED %v", add, done)
	}
	checkLinkEvents(t, mustVerify(t, h, rc.next(t), "LinkEventsWebhook"), sid, r.token)
	token := h.exchange(f.PublicToken).AccessToken
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(token)).Execute()).get(t)
	mustVerify(t, h, rc.next(t), "ItemErrorWebhook")

	left := r.session()
	r.call("exit", map[string]any{"link_session_id": left, "events": pageEvents})
	exited := mustVerify(t, h, rc.next(t), "LinkSessionFinishedWebhook")
	if exited["status"] != "EXITED" || exited["link_session_id"] != left || len(exited["public_tokens"].([]any)) != 0 {
		t.Fatalf("SESSION_FINISHED after exit: %v", exited)
	}
	checkLinkEvents(t, mustVerify(t, h, rc.next(t), "LinkEventsWebhook"), left, r.token)
}

// checkLinkEvents: LINK EVENTS carries the page's events in order, each with its own id, the
// time the page stamped it, and only LinkEventMetadata's non-empty fields.
func checkLinkEvents(t *testing.T, body map[string]any, sessionID, linkToken string) {
	t.Helper()
	evs, _ := body["events"].([]any)
	if body["webhook_code"] != "EVENTS" || body["link_session_id"] != sessionID || body["link_token"] != linkToken || len(evs) != 2 {
		t.Fatalf("EVENTS = %v", body)
	}
	first, second := evs[0].(map[string]any), evs[1].(map[string]any)
	md := second["event_metadata"].(map[string]any)
	if first["event_name"] != "TRANSITION_VIEW" || first["timestamp"] != "2026-12-07T04:40:01.25Z" ||
		second["event_name"] != "ERROR" || second["timestamp"] != "2026-12-07T04:40:09.5Z" ||
		md["error_code"] != "INVALID_CREDENTIALS" || md["secret_thing"] != nil || first["event_id"] == second["event_id"] ||
		len(first["event_metadata"].(map[string]any)) != 1 {
		t.Fatalf("EVENTS' events = %v", evs)
	}
}

func TestAssetReportWebhooks(t *testing.T) {
	h := newWebhookHarness(t, Options{AssetReportDelay: 300 * time.Millisecond})
	rc := newReceiver(t, 0)
	create := func(token string) plaid.AssetReportCreateResponse {
		opts := plaid.NewAssetReportCreateRequestOptions()
		opts.SetWebhook(rc.url())
		req := plaid.NewAssetReportCreateRequest(30)
		req.SetAccessTokens([]string{token})
		req.SetOptions(*opts)
		return ok(h.client.AssetReportCreate(h.ctx).AssetReportCreateRequest(*req).Execute()).get(t)
	}
	get := func(reportToken string) result[plaid.AssetReportGetResponse] {
		req := plaid.NewAssetReportGetRequest()
		req.SetAssetReportToken(reportToken)
		return ok(h.client.AssetReportGet(h.ctx).AssetReportGetRequest(*req).Execute())
	}
	good := create(h.connect(plaid.PRODUCTS_ASSETS))
	ready := mustVerify(t, h, rc.next(t), "AssetsProductReadyWebhook")
	if ready["asset_report_id"] != good.AssetReportId || ready["webhook_code"] != "PRODUCT_READY" {
		t.Fatalf("PRODUCT_READY = %v", ready)
	}
	get(good.AssetReportToken).get(t) // ready when the webhook says so

	token := h.connect(plaid.PRODUCTS_ASSETS)
	failing := create(token)
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(token)).Execute()).get(t)
	failed := mustVerify(t, h, rc.next(t), "AssetsErrorWebhook")
	errObj, _ := failed["error"].(map[string]any)
	if failed["asset_report_id"] != failing.AssetReportId || errObj["error_code"] != "ASSET_REPORT_GENERATION_FAILED" {
		t.Fatalf("ERROR = %v", failed)
	}
	get(failing.AssetReportToken).fails(t, 400, "ASSET_REPORT_ERROR", "ASSET_REPORT_GENERATION_FAILED")
}

// syncBuffer collects the emulator's delivery lines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestADeadReceiverCannotGrowTheQueue: with the first webhook stuck in its retry wait, no more
// than maxWaiting wait behind it; the oldest are dropped, logged and printed.
func TestADeadReceiverCannotGrowTheQueue(t *testing.T) {
	var out syncBuffer
	e := New(Options{Webhooks: WebhookOptions{RetryBase: time.Hour, Log: &out}})
	defer e.Close()
	rc := newReceiver(t, 1<<30)
	const sent = maxWaiting + 44
	for i := 0; i < sent; i++ {
		e.sendWebhook(rc.url()+"/\u202e", "item-1", "item-1", webhookBody{"webhook_type": "ITEM", "webhook_code": "NEW_ACCOUNTS_AVAILABLE", "n": i})
	}
	e.hooks.mu.Lock()
	waiting := e.hooks.waiting
	e.hooks.mu.Unlock()
	var dropped []int
	for _, rec := range e.hooks.deliveries() {
		if rec.Outcome == "dropped" {
			dropped = append(dropped, rec.Seq)
		}
	}
	// One webhook is being delivered (or waits for its retry): it is not "waiting".
	if waiting > maxWaiting || len(dropped) < sent-maxWaiting-1 {
		t.Fatalf("%d waiting, %d dropped; want at most %d waiting and the rest dropped", waiting, len(dropped), maxWaiting)
	}
	for i, seq := range dropped {
		if i > 0 && seq <= dropped[i-1] {
			t.Fatalf("dropped out of age order: %v", dropped)
		}
	}
	if !strings.Contains(out.String(), "dropped: more than 256 webhooks were waiting") || strings.Contains(out.String(), "\u202e") {
		t.Errorf("stderr lines: %q", out.String())
	}
}

// TestDialRefusesNonLoopbackUnlessAllowed checks the address actually dialled: a host named
// with --webhook-allow may be anything; other hosts must resolve to loopback.
func TestDialRefusesNonLoopbackUnlessAllowed(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	strict := guardedDial(map[string]bool{})
	if c, err := strict(ctx, "tcp", "localhost:"+port); err != nil {
		t.Fatalf("localhost (loopback) refused: %v", err)
	} else {
		c.Close()
	}
	var na *notAllowedError
	if _, err := strict(ctx, "tcp", "192.0.2.1:80"); !errors.As(err, &na) {
		t.Fatalf("a TEST-NET address was not refused by policy: %v", err)
	}
	allowed := guardedDial(map[string]bool{"192.0.2.1": true})
	if _, err := allowed(ctx, "tcp", "192.0.2.1:80"); err == nil || errors.As(err, &na) {
		t.Fatalf("an allowed host was refused by policy (or reached): %v", err)
	}
}
