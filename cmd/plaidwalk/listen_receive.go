package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"plaidwalk/emulator"
	"plaidwalk/internal/termtext"
	"plaidwalk/linkserver"
)

// listener prints what the shared receiver (linkserver.Receiver) hands it. Printing holds mu
// so entries never interleave.
type listener struct {
	c    *cli
	o    listenOptions
	keys *linkserver.KeySource

	mu sync.Mutex
}

// handler is the receiver listen serves: any path, loopback Host names only.
func (l *listener) handler() http.Handler {
	return linkserver.NewReceiver(linkserver.ReceiverOptions{Keys: l.keys, ForwardTo: l.o.forwardTo,
		HostOK: emulator.IsLoopbackHost, OnWebhook: l.print})
}

// print shows the webhook: a JSON line with --json, else a line (and the body with
// --print-body). Every value came from the sender and is cleaned.
func (l *listener) print(s linkserver.Webhook) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.o.json {
		compact := s
		compact.Body = s.CompactBody()
		var line bytes.Buffer
		enc := json.NewEncoder(&line)
		enc.SetEscapeHTML(false)
		if enc.Encode(compact) == nil {
			_, _ = l.c.stdout.Write(termtext.JSON(line.Bytes()))
		}
		return
	}
	fmt.Fprintln(l.c.stdout, termtext.SingleLine(l.line(s)))
	if l.o.body {
		fmt.Fprintln(l.c.stdout, indent(termtext.Multiline(string(s.Raw))))
	}
}

func (l *listener) line(s linkserver.Webhook) string {
	t := s.ReceivedAt
	typ, code := orDash(s.WebhookType), orDash(s.WebhookCode)
	out := fmt.Sprintf("%s  %s %s  %s  ", t.Local().Format("15:04:05"), typ, code, orDash(s.ItemID))
	if s.Verified {
		out += "✓ verified"
	} else {
		out += "✗ not verified: " + s.VerifyError
	}
	if f := s.Forward; f != nil {
		if f.Error != "" {
			out += fmt.Sprintf("  -> %s failed after %.0f ms: %s", f.URL, f.LatencyMS, f.Error)
		} else {
			out += fmt.Sprintf("  -> %s %d in %.0f ms", f.URL, f.Status, f.LatencyMS)
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// printReady says where to send webhooks and what cannot send there.
func (l *listener) printReady(url string) {
	w := l.c.stderr
	fmt.Fprintf(w, "plaidwalk listen: receiving webhooks at %s\n", url)
	fmt.Fprintln(w, "  Give this URL to plaidwalk's emulator as a webhook. Real Plaid (sandbox or production keys)")
	fmt.Fprintln(w, "  cannot reach a loopback address, so its webhooks will not arrive here.")
	if l.keys.BaseURL() == "" {
		fmt.Fprintln(w, "  No emulator named (--base-url or PLAID_BASE_URL): signatures cannot be checked and show ✗.")
	} else {
		fmt.Fprintf(w, "  Signatures are checked with the keys of %s.\n", termtext.SingleLine(l.keys.BaseURL()))
	}
	if l.o.forwardTo != "" {
		fmt.Fprintf(w, "  Forwarding each webhook to %s.\n", termtext.SingleLine(l.o.forwardTo))
	}
}
