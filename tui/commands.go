package tui

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// Commands do the I/O. Each takes the values it needs (never the model) and ends with one
// message; long waits (Link events, asset report progress) hand back a channel to listen to.

func snapshot(log *plaidflow.APILog) apiSnapshot {
	if log == nil {
		return apiSnapshot{}
	}
	return apiSnapshot{calls: log.Calls()}
}

func createLinkTokenCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, lc plaidflow.LinkConfig, op int) tea.Cmd {
	return func() tea.Msg {
		tok, err := c.CreateLinkToken(ctx, lc)
		if err != nil {
			return stepFailedMsg{op: op, step: stepLinkToken, err: err, apiSnapshot: snapshot(log)}
		}
		return linkTokenCreatedMsg{op: op, token: tok, apiSnapshot: snapshot(log)}
	}
}

type startSessionFunc func(ctx context.Context, o linkserver.Options) (linkSession, error)

func startLinkServerCmd(ctx context.Context, start startSessionFunc, o linkserver.Options, op int) tea.Cmd {
	return func() tea.Msg {
		if start == nil {
			return stepFailedMsg{op: op, step: stepLink, err: fmt.Errorf("no Link server is available in this build")}
		}
		s, err := start(ctx, o)
		if err != nil {
			return stepFailedMsg{op: op, step: stepLink, err: fmt.Errorf("starting the local Link page: %w", err)}
		}
		return linkServerStartedMsg{op: op, session: wrapSession(s)}
	}
}

// listenLinkEventsCmd waits for the session's next callback. It blocks only this command's
// goroutine, so waiting on Link costs no renders and no CPU.
func listenLinkEventsCmd(events <-chan linkserver.Event, op int) tea.Cmd {
	if events == nil {
		return nil
	}
	return func() tea.Msg {
		ev, ok := <-events
		if !ok {
			return linkEventsEndedMsg{op: op}
		}
		return linkEventReceivedMsg{op: op, event: ev, events: events}
	}
}

func waitLinkCmd(ctx context.Context, s linkSession, op int) tea.Cmd {
	return func() tea.Msg {
		out, err := s.Wait(ctx)
		return linkFinishedMsg{op: op, outcome: out, err: err}
	}
}

func closeSessionCmd(s linkSession) tea.Cmd {
	if s == nil {
		return nil
	}
	return func() tea.Msg {
		_ = s.Close()
		return sessionClosedMsg{}
	}
}

func openBrowserCmd(open func(string) error, url string) tea.Cmd {
	if open == nil || url == "" {
		return nil
	}
	return func() tea.Msg {
		return browserOpenedMsg{url: url, err: open(url)}
	}
}

func sandboxPublicTokenCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, sc shortcut, products []string, op int) tea.Cmd {
	return func() tea.Msg {
		pt, err := c.SandboxPublicToken(ctx, sc.institution, products, sc.username, sc.password)
		if err != nil {
			return stepFailedMsg{op: op, step: stepLink, err: err, apiSnapshot: snapshot(log)}
		}
		return publicTokenCreatedMsg{op: op, publicToken: pt, apiSnapshot: snapshot(log)}
	}
}

func hostedLinkPollAfterCmd(d time.Duration, op int) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return hostedLinkPollDueMsg{op: op} })
}

func pollHostedLinkCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, linkToken string, op int) tea.Cmd {
	return func() tea.Msg {
		res, err := c.LinkTokenResult(ctx, linkToken)
		if err != nil {
			return stepFailedMsg{op: op, step: stepLink, err: err, apiSnapshot: snapshot(log)}
		}
		return hostedLinkPolledMsg{op: op, result: res, apiSnapshot: snapshot(log)}
	}
}

// exchangeCmd exchanges the public_token and reads the Item's accounts; countries are the
// Link token's, so the institution's name is found for banks outside the US too.
func exchangeCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, publicToken string, op int) tea.Cmd {
	return func() tea.Msg {
		item, err := c.Exchange(ctx, publicToken)
		if err != nil {
			return stepFailedMsg{op: op, step: stepExchange, err: err, apiSnapshot: snapshot(log)}
		}
		accts, err := c.Accounts(ctx, item.AccessToken)
		if err != nil {
			// The public token is spent: keep the Item so a retry only re-reads the accounts.
			return stepFailedMsg{op: op, step: stepExchange, err: accountsError{item: item, err: err}, apiSnapshot: snapshot(log)}
		}
		return itemExchangedMsg{op: op, item: item, accounts: accts, apiSnapshot: snapshot(log)}
	}
}

func accountsCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, item plaidflow.Item, op int) tea.Cmd {
	return func() tea.Msg {
		accts, err := c.Accounts(ctx, item.AccessToken)
		if err != nil {
			return stepFailedMsg{op: op, step: stepExchange, err: accountsError{item: item, err: err}, apiSnapshot: snapshot(log)}
		}
		return itemExchangedMsg{op: op, item: item, accounts: accts, apiSnapshot: snapshot(log)}
	}
}

// accountsError is a failure after the exchange succeeded.
type accountsError struct {
	item plaidflow.Item
	err  error
}

func (e accountsError) Error() string { return e.err.Error() }
func (e accountsError) Unwrap() error { return e.err }

// partnerRequest is what the partner step needs.
type partnerRequest struct {
	partner     plaidflow.Partner
	accessToken string
	accountID   string
	inputs      plaidflow.PartnerInputs
}

// partnerTokenCmd runs the partner step in the background; its progress (asset report polls)
// and its end arrive through one channel, read one message at a time by nextPartnerMsgCmd.
func partnerTokenCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, req partnerRequest, op int) tea.Cmd {
	return func() tea.Msg {
		ch := make(chan any, 8)
		go func() {
			defer close(ch)
			report := func(p plaidflow.Progress) {
				select {
				case ch <- progressReportedMsg{op: op, progress: p, next: ch}:
				default: // a slow UI skips a progress line rather than slowing the flow
				}
			}
			res, err := c.PartnerToken(ctx, req.partner, req.accessToken, req.accountID, req.inputs, report)
			var end tea.Msg = partnerTokenCreatedMsg{op: op, result: res, apiSnapshot: snapshot(log)}
			if err != nil {
				end = stepFailedMsg{op: op, step: stepPartnerToken, err: err, apiSnapshot: snapshot(log)}
			}
			select {
			case ch <- end:
			case <-ctx.Done(): // the user left: nobody may read any more
			}
		}()
		return <-ch
	}
}

func nextPartnerMsgCmd(ch <-chan any) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

// copyCmd puts text on the clipboard of the terminal the user sits at, through OSC 52, so it
// works over SSH. Inside tmux the plain sequence is sent: tmux takes OSC 52 itself (its
// set-clipboard option, on by default), whereas a passthrough-wrapped one is dropped unless
// allow-passthrough is on, which tmux 3.3 and later leave off. GNU screen has no OSC 52 of
// its own, so there the sequence goes through screen's passthrough.
func copyCmd(w io.Writer, getenv func(string) string, text, what string) tea.Cmd {
	if w == nil {
		return nil
	}
	return func() tea.Msg {
		seq := osc52.New(text)
		if getenv != nil && getenv("STY") != "" && getenv("TMUX") == "" {
			seq = seq.Screen()
		}
		_, err := seq.WriteTo(w)
		return clipboardCopiedMsg{what: what, err: err}
	}
}
