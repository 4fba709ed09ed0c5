package plaidflow

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"plaidwalk/emulator"
	"plaidwalk/internal/plaidspec"
)

// startEmulator serves a fresh emulator on loopback through plaidspec's conformance check
// and returns a Config pointing at it: every request plaidflow sends in a test, and every
// answer, is judged against Plaid's OpenAPI spec.
func startEmulator(t testing.TB, o emulator.Options) Config {
	t.Helper()
	srv := httptest.NewServer(plaidspec.Wrap(t, emulator.New(o)))
	t.Cleanup(srv.Close)
	return emulatorConfig(srv.URL)
}

func emulatorConfig(base string) Config {
	return Config{Env: EnvOffline, ClientID: emulator.TestClientID, Secret: emulator.TestSecret, BaseURL: base}
}

// fastClient is a client with short waits so retry and polling tests stay quick. Its idle
// connections are closed when the test ends, before the emulator stops.
func fastClient(t testing.TB, cfg Config) (*Client, *APILog) {
	log := NewAPILog()
	c := NewClient(cfg, log)
	t.Cleanup(c.Close)
	c.Backoff = 5 * time.Millisecond
	c.PollInterval = 10 * time.Millisecond
	c.PollMax = 50 * time.Millisecond
	return c, log
}

// faultyPlaid serves the real emulator behind a front that answers some requests with an
// error status first, the way Plaid does under load.
func faultyPlaid(t testing.TB, faults map[string][]int) Config {
	t.Helper()
	em := emulator.New(emulator.Options{})
	remaining := map[string][]int{}
	for k, v := range faults {
		remaining[k] = append([]int(nil), v...)
	}
	ch := make(chan struct{}, 1)
	ch <- struct{}{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-ch
		codes := remaining[r.URL.Path]
		var status int
		if len(codes) > 0 {
			status, remaining[r.URL.Path] = codes[0], codes[1:]
		}
		ch <- struct{}{}
		if status == 0 {
			em.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		typ, code := "API_ERROR", "INTERNAL_SERVER_ERROR"
		if status == http.StatusTooManyRequests {
			typ, code = "RATE_LIMIT_EXCEEDED", "ACCOUNTS_LIMIT"
		}
		_, _ = w.Write([]byte(`{"error_type":"` + typ + `","error_code":"` + code + `","error_message":"injected","display_message":null,"request_id":"injectedReq0001"}`))
	}))
	t.Cleanup(srv.Close)
	return emulatorConfig(srv.URL)
}

// linkedItem walks to an exchanged Item for a partner and returns the client, item and accounts.
func linkedItem(t testing.TB, c *Client, products []string, password string) (Item, ItemAccounts) {
	t.Helper()
	ctx := context.Background()
	pt, err := c.SandboxPublicToken(ctx, DefaultInstitutionID, products, DefaultUsername, password)
	if err != nil {
		t.Fatalf("sandbox public token: %v", err)
	}
	item, err := c.Exchange(ctx, pt)
	if err != nil {
		t.Fatalf("exchange: %v", err)
	}
	accts, err := c.Accounts(ctx, item.AccessToken)
	if err != nil {
		t.Fatalf("accounts: %v", err)
	}
	return item, accts
}

func accountByMask(t testing.TB, accts ItemAccounts, mask string) Account {
	t.Helper()
	for _, a := range accts.Accounts {
		if a.Mask == mask {
			return a
		}
	}
	t.Fatalf("no account with mask %s in %+v", mask, accts.Accounts)
	return Account{}
}

func mustPartner(t testing.TB, id string) Partner {
	t.Helper()
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	p, ok := c.Find(id)
	if !ok {
		t.Fatalf("no partner %s", id)
	}
	return p
}
