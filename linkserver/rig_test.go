package linkserver_test

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/emulator"
	"plaidwalk/internal/browsertest"
	"plaidwalk/linkserver"
)

// rig is one Link session under test: the emulator, a link_token made with the real plaid-go
// client, linkserver serving the page, and a browser tab on that page.
type rig struct {
	t     *testing.T
	tab   context.Context
	shots *browsertest.Shots
	api   *plaid.APIClient
	srv   *linkserver.Server
	token string
	base  string // the emulator's URL
}

type rigOptions struct {
	redirectURI string // serve the OAuth return path too
	linkToken   string // use this token instead of creating one
	multi       bool   // ask for multi-account select
	auth        *plaid.LinkTokenCreateRequestAuth
	base        string             // an emulator already running (with linkToken): share it
	stay        bool               // leave the tab blank: the test opens the page itself
	shots       *browsertest.Shots // a second rig of the same test keeps the first one's screenshots
}

func newPlaidClient(baseURL string) *plaid.APIClient {
	cfg := plaid.NewConfiguration()
	cfg.UseEnvironment(plaid.Environment(baseURL))
	cfg.AddDefaultHeader("PLAID-CLIENT-ID", emulator.TestClientID)
	cfg.AddDefaultHeader("PLAID-SECRET", emulator.TestSecret)
	cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	return plaid.NewAPIClient(cfg)
}

func newRig(t *testing.T, browser context.Context, o rigOptions) *rig {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	baseURL := o.base
	if baseURL == "" {
		var stop func()
		var err error
		if baseURL, stop, err = emulator.New(emulator.Options{}).Serve(ctx, ""); err != nil {
			t.Fatalf("emulator: %v", err)
		}
		t.Cleanup(stop)
	}
	r := &rig{t: t, api: newPlaidClient(baseURL), shots: o.shots, base: baseURL}
	if r.shots == nil {
		r.shots = browsertest.NewShots(t)
	}
	r.token = o.linkToken
	if r.token == "" {
		r.token = r.createLinkToken(ctx, o)
	}
	var err error
	r.srv, err = linkserver.Start(ctx, linkserver.EmulatorOptions(linkserver.Options{
		LinkToken: r.token, RedirectURI: o.redirectURI, Timeout: time.Minute,
	}, baseURL))
	if err != nil {
		t.Fatalf("linkserver: %v", err)
	}
	t.Cleanup(func() { r.srv.Close() })
	r.tab = browsertest.NewTab(t, browser)
	if o.stay {
		return r
	}
	if err := chromedp.Do(r.tab, chromedp.Navigate(r.srv.URL())); err != nil {
		t.Fatalf("open %s: %v", r.srv.URL(), err)
	}
	return r
}

// createLinkToken asks for what a money-movement partner such as Dwolla needs: auth, US, and
// checking or savings accounts only.
func (r *rig) createLinkToken(ctx context.Context, o rigOptions) string {
	user := plaid.LinkTokenCreateRequestUser{ClientUserId: "browser-test"}
	req := plaid.NewLinkTokenCreateRequest("plaidwalk test", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	req.SetUser(user)
	req.SetProducts([]plaid.Products{plaid.PRODUCTS_AUTH})
	filters := plaid.NewLinkTokenAccountFilters()
	filters.SetDepository(*plaid.NewDepositoryFilter([]plaid.DepositoryAccountSubtype{
		plaid.DEPOSITORYACCOUNTSUBTYPE_CHECKING, plaid.DEPOSITORYACCOUNTSUBTYPE_SAVINGS}))
	req.SetAccountFilters(*filters)
	if o.redirectURI != "" {
		req.SetRedirectUri(o.redirectURI)
	}
	if o.multi {
		req.SetLinkCustomizationName("multi_select")
	}
	if o.auth != nil {
		req.SetAuth(*o.auth)
	}
	resp, _, err := r.api.PlaidApi.LinkTokenCreate(ctx).LinkTokenCreateRequest(*req).Execute()
	if err != nil {
		r.t.Fatalf("/link/token/create: %v", err)
	}
	return resp.GetLinkToken()
}

// frame is the Link iframe the page's Plaid.create mounted.
func (r *rig) frame() *chromedp.Node {
	r.t.Helper()
	nodes, err := chromedp.Run(r.tab, chromedp.Nodes(chromedp.CSS(`iframe[id^="plaid-link-iframe"]`), chromedp.NodeVisible))
	if err != nil || len(nodes) == 0 {
		r.t.Fatalf("Link's iframe did not appear: %v", err)
	}
	return nodes[0]
}

// inLink runs actions built against the Link iframe.
func (r *rig) inLink(steps ...func(f *chromedp.Node) chromedp.Action[chromedp.Void]) {
	r.t.Helper()
	f := r.frame()
	for _, s := range steps {
		if err := chromedp.Do(r.tab, s(f)); err != nil {
			r.t.Fatalf("in Link: %v", err)
		}
	}
}

var (
	waitView = browsertest.WaitView
	click    = browsertest.Click
	typeInto = browsertest.TypeIn
)

// screen waits for a Link screen and screenshots it.
func (r *rig) screen(view, shot string) {
	r.t.Helper()
	r.inLink(waitView(view))
	r.shots.Take(r.tab, shot)
}

// pageState waits until the page itself (not Link) shows state, and screenshots it.
func (r *rig) pageState(state, shot string) {
	r.t.Helper()
	if err := chromedp.Do(r.tab, chromedp.WaitVisible(chromedp.CSS(`#status[data-state="`+state+`"]`))); err != nil {
		r.t.Fatalf("page never showed %q: %v", state, err)
	}
	r.shots.Take(r.tab, shot)
}

func (r *rig) wait() linkserver.Outcome {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	o, err := r.srv.Wait(ctx)
	if err != nil {
		r.t.Fatalf("Wait: %v", err)
	}
	return o
}

// events closes the server and returns every callback it delivered.
func (r *rig) events() []linkserver.Event {
	r.srv.Close()
	var out []linkserver.Event
	for ev := range r.srv.Events() {
		out = append(out, ev)
	}
	return out
}

// pickBank goes from the consent screen to a bank's next screen.
func (r *rig) pickBank(query, institutionID string) {
	r.screen("consent", "consent")
	r.inLink(click("#primary"), waitView("search"), typeInto("#search", query))
	r.shots.Take(r.tab, "search")
	r.inLink(click(`button.inst[data-id="` + institutionID + `"]`))
}

func freeLocalhostPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func eventNames(evs []linkserver.Event) string {
	var names []string
	for _, ev := range evs {
		names = append(names, string(ev.Kind)+":"+ev.Name)
	}
	return strings.Join(names, " ")
}
