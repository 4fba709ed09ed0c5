package tui

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// The partner view of a transactions partner (Boom, Cardlytics, ...): its reads end with
// /processor/transactions/sync, which right after linking answers empty pages until Plaid has
// the history; each such answer arrives as progress while the reads go on, so the screen says
// why it waits.

// partnerViewProgressedMsg: the partner's reads are waiting (transactions not ready yet).
type partnerViewProgressedMsg struct {
	op       int
	progress plaidflow.Progress
	next     <-chan tea.Msg
	apiSnapshot
}

// partnerViewCmd makes the partner's reads; their progress and their end come through one
// channel, read a message at a time (nextPartnerViewMsgCmd).
func partnerViewCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, in plaidflow.PartnerViewInput, op int) tea.Cmd {
	return func() tea.Msg {
		ch := make(chan tea.Msg, 4)
		in.OnProgress = func(p plaidflow.Progress) {
			select {
			case ch <- partnerViewProgressedMsg{op: op, progress: p, next: ch, apiSnapshot: snapshot(log)}:
			default: // a slow UI skips a line rather than slowing the reads
			}
		}
		go func() {
			defer close(ch)
			v, err := c.PartnerView(ctx, in)
			var end tea.Msg = partnerViewReadMsg{op: op, view: v, apiSnapshot: snapshot(log)}
			if err != nil {
				end = stepFailedMsg{op: op, step: stepPartnerView, err: err, apiSnapshot: snapshot(log)}
			}
			select {
			case ch <- end:
			case <-ctx.Done(): // the user left: nobody reads any more
			}
		}()
		return <-ch
	}
}

func nextPartnerViewMsgCmd(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

// progressed notes the wait and listens for what comes next.
func (p partnerReadModel) progressed(msg partnerViewProgressedMsg, env stepEnv) (partnerReadModel, tea.Cmd) {
	if msg.op != env.op {
		return p, nil
	}
	p.waiting = msg.progress.Message
	return p, nextPartnerViewMsgCmd(msg.next)
}

// partnerTxnLines are a transactions partner's sync: the wait (if any), the pages, and the
// first page's first few transactions.
func partnerTxnLines(env stepEnv, t *plaidflow.PartnerTransactions) []string {
	if t == nil {
		return nil
	}
	w := env.width
	var lines []string
	if note := t.TransactionsNote(); note != "" {
		style := env.st.subtle
		if !t.Ready {
			style = env.st.warn
		}
		lines = append(lines, "")
		lines = append(lines, strings.Split(style.Render(wrapTo(note, w-2, 0)), "\n")...)
	}
	if !t.Ready {
		return lines
	}
	lines = append(lines, "", truncate(fmt.Sprintf("  %-13s %s", "transactions", t.PagesText()), w))
	for _, x := range t.Sample {
		lines = append(lines, truncate(fmt.Sprintf("  %-13s %s", "", x.Line()), w))
	}
	return lines
}
