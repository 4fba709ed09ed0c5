package linkserver_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plaidwalk/internal/browsertest"
	"plaidwalk/linkserver"
)

// TestHostilePageValuesInChromium loads the page in Chromium with a link_token and an
// environment label that try to close their attribute and element and a javascript: script
// URL: the page holds its own two scripts and no image, and each value reads back as itself.
func TestHostilePageValuesInChromium(t *testing.T) {
	const evil = "\"'><img src=x onerror=alert(1)></script><script>alert(2)</script>\u2028<!--"
	o := linkserver.EmulatorOptions(linkserver.Options{LinkToken: evil, Timeout: time.Minute}, "http://127.0.0.1:9")
	o.EnvLabel, o.ScriptURL = evil, "javascript:alert(3)"
	srv, err := linkserver.Start(context.Background(), o)
	if err != nil {
		t.Fatalf("linkserver: %v", err)
	}
	t.Cleanup(func() { srv.Close() })
	tab := browsertest.NewTab(t, browsertest.Start(t))
	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL())); err != nil {
		t.Fatalf("open %s: %v", srv.URL(), err)
	}
	got, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`[
		String(document.scripts.length), String(document.images.length),
		document.body.dataset.linkToken, document.body.dataset.env,
		document.querySelector('.env').textContent, document.scripts[0].getAttribute('src')]`))
	if err != nil {
		t.Fatalf("read the page: %v", err)
	}
	want := []string{"2", "0", evil, evil, evil, "about:invalid#plaidwalk-unsafe-url"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("page read back\n%q\nwant\n%q", got, want)
	}
}
