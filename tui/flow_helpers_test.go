package tui

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"plaidwalk/emulator"
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// offlineWorld is the real offline stack a flow test drives: the emulator on loopback, the
// real plaidflow client, and the real Link page server, whose sessions the test can reach.
type offlineWorld struct {
	deps     Deps
	cfg      plaidflow.Config
	servers  chan *linkserver.Server
	opened   *recorder
	clip     *bytes.Buffer
	tokenGen *plaidflow.Client // a second client, so the test's own calls stay out of the UI's log
}

type recorder struct {
	mu   sync.Mutex
	urls []string
}

func (r *recorder) open(u string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.urls = append(r.urls, u)
	return nil
}

func (r *recorder) list() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.urls...)
}

func newOfflineWorld(t testing.TB, o emulator.Options) offlineWorld {
	t.Helper()
	base, stop, err := emulator.New(o).Serve(t.Context(), "")
	if err != nil {
		t.Fatalf("emulator: %v", err)
	}
	t.Cleanup(stop)
	cfg := plaidflow.Config{Env: plaidflow.EnvOffline, ClientID: emulator.TestClientID, Secret: emulator.TestSecret, BaseURL: base}
	log := plaidflow.NewAPILog()
	w := offlineWorld{cfg: cfg, servers: make(chan *linkserver.Server, 4), opened: &recorder{}, clip: &bytes.Buffer{},
		tokenGen: plaidflow.NewClient(cfg, plaidflow.NewAPILog())}
	start := func(ctx context.Context, o linkserver.Options) (*linkserver.Server, error) {
		s, err := linkserver.Start(ctx, o)
		if err == nil {
			w.servers <- s
			t.Cleanup(func() { _ = s.Close() })
		}
		return s, err
	}
	page := plaidflow.LinkPageFor(cfg)
	w.deps = Deps{Config: cfg, Client: plaidflow.NewClient(cfg, log), Log: log, Catalog: testCatalog(t),
		StartLink: start, OpenBrowser: w.opened.open, Clipboard: w.clip,
		Link: LinkPage{ScriptURL: page.ScriptURL, FrameOrigins: page.FrameOrigins, ConnectOrigins: page.ConnectOrigins,
			EnvLabel: page.EnvLabel, Offline: page.Offline, Timeout: time.Minute}}
	return w
}

func (w offlineWorld) start(t testing.TB) *teatest.TestModel {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return teatest.NewTestModel(t, New(ctx, w.deps, nil), teatest.WithInitialTermSize(100, 30))
}

// linkServer is the page the UI just started.
func (w offlineWorld) linkServer(t testing.TB) *linkserver.Server {
	t.Helper()
	select {
	case s := <-w.servers:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("the UI started no Link page")
		return nil
	}
}

// postCallback sends what the Link page would send for one of Link's callbacks.
func postCallback(t *testing.T, s *linkserver.Server, kind, body string) {
	t.Helper()
	u, err := url.Parse(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, s.URL()+"callback/"+kind, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "http://"+u.Host)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("posting %s: %v", kind, err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("posting %s: status %d", kind, res.StatusCode)
	}
}

func waitFor(t testing.TB, tm *teatest.TestModel, wants ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range wants {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func press(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
}

// finalView quits and returns the last screen as it was drawn before quitting.
func finalView(t *testing.T, tm *teatest.TestModel) (string, Model) {
	t.Helper()
	tm.Send(keyMsg("q"))
	fm, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	if !ok {
		t.Fatal("final model is not a tui.Model")
	}
	fm.quitting = false
	return fm.View(), fm
}

var randomParts = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`), "<uuid>"},
	{regexp.MustCompile(`…[A-Za-z0-9]{4}`), "…<last4>"},
	{regexp.MustCompile(`\b[A-Za-z0-9]{15,40}\b`), "<id>"},
	{regexp.MustCompile(`127\.0\.0\.1:\d+`), "127.0.0.1:<port>"},
	{regexp.MustCompile(`\d\d:\d\d:\d\d`), "<time>"},
	{regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d UTC`), "<date>"},
	{regexp.MustCompile(`\b\d+(\.\d+)?(ms|µs|s)\b`), "<latency>"},
}

// maskRandom replaces what changes from run to run (tokens, ids, ports, times, latencies);
// lines are right-trimmed so the golden files carry no padding.
func maskRandom(s string) string {
	for _, r := range randomParts {
		s = r.re.ReplaceAllString(s, r.with)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	// /item/get and /accounts/get run in parallel: either may be logged first.
	for i := 0; i+1 < len(lines); i++ {
		if strings.Contains(lines[i], "POST /item/get") && strings.Contains(lines[i+1], "POST /accounts/get") {
			lines[i], lines[i+1] = lines[i+1], lines[i]
		}
	}
	// Repeated lines (the number of not-ready polls, the blank padding below them) depend on
	// timing: keep one of each run.
	out := lines[:0]
	for i, l := range lines {
		if i == 0 || l != lines[i-1] {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

func requireGolden(t *testing.T, view string) {
	t.Helper()
	golden.RequireEqual(t, []byte(maskRandom(view)))
}

// walkToLink types a partner's id on the partner list, accepts the default Link options
// (after seeing optionsShow on that screen) and waits for the Link step.
func walkToLink(t testing.TB, tm *teatest.TestModel, partnerID string, optionsShow ...string) {
	t.Helper()
	waitFor(t, tm, "Step 1/7")
	tm.Type(partnerID)
	waitFor(t, tm, "Filter: "+partnerID)
	press(tm, "enter")
	waitFor(t, tm, append([]string{"Step 2/7 · Link options"}, optionsShow...)...)
	press(tm, "enter")
	waitFor(t, tm, "link_token created")
	press(tm, "enter")
	waitFor(t, tm, "Step 4/7 · Plaid Link")
}
