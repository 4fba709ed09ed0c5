package linkserver_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"plaidwalk/internal/plaidspec"
	"plaidwalk/linkserver"
)

// Plaid's LinkEventName enum, read from the OpenAPI spec shipped inside plaid-go: every
// onEvent name the emulated Link sends must be one of them.
var eventEnum struct {
	once  sync.Once
	names map[string]bool
	err   error
}

func linkEventNames(t *testing.T) map[string]bool {
	t.Helper()
	eventEnum.once.Do(func() {
		spec, err := plaidspec.Load()
		if err != nil {
			eventEnum.err = err
			return
		}
		eventEnum.names = map[string]bool{}
		if s := spec.Doc.Components.Schemas["LinkEventName"]; s != nil && s.Value != nil {
			for _, v := range s.Value.Enum {
				if name, ok := v.(string); ok {
					eventEnum.names[name] = true
				}
			}
		}
	})
	if eventEnum.err != nil {
		t.Fatalf("Plaid's spec: %v", eventEnum.err)
	}
	if len(eventEnum.names) < 10 || !eventEnum.names["TRANSITION_VIEW"] {
		t.Fatalf("LinkEventName enum not found in Plaid's spec: %v", eventEnum.names)
	}
	return eventEnum.names
}

// eventMetadata is the metadata of the first event named name whose metadata has key=value.
func eventMetadata(evs []linkserver.Event, name, key, value string) map[string]any {
	for _, ev := range evs {
		var md map[string]any
		if ev.Name == name && json.Unmarshal(ev.Metadata, &md) == nil && md[key] == value {
			return md
		}
	}
	return nil
}

// Picking one of the Sandbox's unhealthy banks is reported with Plaid's own events for it.
func testUnhealthyBanks(t *testing.T, browser context.Context) {
	for _, c := range []struct{ id, event string }{
		{"ins_132363", "SELECT_DEGRADED_INSTITUTION"}, {"ins_132361", "SELECT_DOWN_INSTITUTION"},
	} {
		t.Run(c.id, func(t *testing.T) {
			r := newRig(t, browser, rigOptions{})
			r.pickBank("Unhealthy", c.id)
			r.inLink(waitView("credentials"), click("#close"))
			o := r.wait()
			checkEvents(t, r.events(), o.LinkSessionID, "SELECT_INSTITUTION", c.event)
		})
	}
}

// A second handler made by the test in the page (the page's own Link removed) checks the
// JavaScript API: submit never throws, exit({force: true}) ends at once in onExit(null, metadata),
// even on the last screen, where closing would hand over the public_token.
func testForceExitAndSubmit(t *testing.T, browser context.Context) {
	r := newRig(t, browser, rigOptions{})
	r.screen("consent", "consent")
	create := `(function () {
	  document.querySelectorAll('iframe[id^="plaid-link-iframe"]').forEach(function (f) { f.remove(); });
	  window.__events = [];
	  window.__h = Plaid.create({token: ` + jsString(r.token) + `,
	    onSuccess: function () { window.__result = JSON.stringify({success: true}); },
	    onExit: function (e, md) { window.__result = JSON.stringify({error: e, metadata: md}); },
	    onEvent: function (name) { window.__events.push(name); }});
	  window.__h.open();
	  return true;
	})()`
	if _, err := chromedp.Run(r.tab, chromedp.Evaluate[bool](create)); err != nil {
		t.Fatalf("Plaid.create in the page: %v", err)
	}
	r.pickBank("First Platypus", "ins_109508")
	r.inLink(waitView("credentials"))
	submit := `(function () {
	  try { __h.submit({phone_number: "+14155550011"}); __h.submit(function () {}); __h.submit(); return "ok"; }
	  catch (e) { return "threw " + e; }
	})()`
	if submitted, err := chromedp.Run(r.tab, chromedp.Evaluate[string](submit)); err != nil || submitted != "ok" {
		t.Fatalf("submit: %q %v", submitted, err)
	}
	// submit changed nothing; on to the last screen, where a plain close hands over the
	// public_token (onSuccess) but a forced exit must not.
	r.inLink(waitView("credentials"), typeInto("#username", "user_good"), typeInto("#password", "pass_good"), click("#primary"),
		waitView("accounts"), click(`label.acct[data-name="Plaid Checking"]`), click("#primary"), waitView("connected"))
	if _, err := chromedp.Run(r.tab, chromedp.Evaluate[bool](`__h.exit({force: true}), true`)); err != nil {
		t.Fatalf("exit({force: true}): %v", err)
	}
	raw, err := chromedp.Run(r.tab, chromedp.Poll[string](`window.__result`))
	if err != nil {
		t.Fatalf("exit({force: true}) never ended in a callback: %v", err)
	}
	var got struct {
		Success  bool
		Error    map[string]any
		Metadata map[string]any
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatal(err)
	}
	inst, _ := got.Metadata["institution"].(map[string]any)
	if _, hasStatus := got.Metadata["status"]; got.Success || got.Error != nil || !hasStatus ||
		got.Metadata["link_session_id"] == "" || inst["institution_id"] != "ins_109508" {
		t.Fatalf("exit({force: true}) on the last screen: %s, want onExit(null, metadata with status, institution, session)", raw)
	}
	names, err := chromedp.Run(r.tab, chromedp.Evaluate[[]string](`window.__events`))
	if err != nil {
		t.Fatal(err)
	}
	enum := linkEventNames(t)
	for _, n := range names {
		if !enum[n] {
			t.Errorf("onEvent %s is not one of Plaid's LinkEventName values", n)
		}
	}
}

// An onExit that plaidwalk refuses (the session already has its outcome) is said on the page,
// not hidden behind "back to your terminal".
func testExitAfterTheOutcome(t *testing.T, browser context.Context) {
	r := newRig(t, browser, rigOptions{})
	r.screen("consent", "consent")
	u, err := url.Parse(r.srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("POST", r.srv.URL()+"callback/success", strings.NewReader(
		`{"public_token":"public-sandbox-6a0b4a8e-1111-4c1d-9c43-2b3f1e5d7a90","metadata":{"institution":null,"accounts":[]}}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "http://"+u.Host)
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("posting the outcome first: %v %v", res, err)
	}
	res.Body.Close()
	r.inLink(click("#primary"), waitView("search"), click("#close"))
	r.pageState("error", "page-exit-refused")
	title, err := chromedp.Run(r.tab, chromedp.Text(chromedp.ID("title")))
	if err != nil || !strings.Contains(title, "already finished") {
		t.Fatalf("page title %q (%v), want it to say the session already finished", title, err)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
