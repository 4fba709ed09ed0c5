package linkserver

import (
	"context"
	"time"

	"plaidwalk/internal/termtext"
)

// HostedPoll asks Plaid once whether a Hosted Link session has finished: done when
// /link/token/get lists a finished session, publicToken when it produced one. plaidflow's
// Client.LinkTokenResult fits it:
//
//	poll := func(ctx context.Context) (bool, string, error) {
//		r, err := client.LinkTokenResult(ctx, token)
//		return r.Done, r.PublicToken, err
//	}
type HostedPoll func(ctx context.Context) (done bool, publicToken string, err error)

// HostedInterval is how often WaitHostedLink polls when interval is zero: often enough to feel
// immediate, rare enough to stay far below Plaid's rate limits.
const HostedInterval = 2 * time.Second

// WaitHostedLink polls until the Hosted Link session is done, ctx ends, or timeout passes
// (0 means DefaultTimeout). A poll error ends the wait: the caller shows it.
// Without a public_token a finished session is an exit; the caller reads its error from
// /link/token/get, which this helper does not see.
func WaitHostedLink(ctx context.Context, poll HostedPoll, interval, timeout time.Duration) (Outcome, error) {
	if interval <= 0 {
		interval = HostedInterval
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		done, token, err := poll(ctx)
		if err != nil {
			return Outcome{}, err
		}
		if done && token != "" {
			return Outcome{PublicToken: termtext.SingleLine(token)}, nil
		}
		if done {
			return Outcome{Exited: true}, nil
		}
		select {
		case <-ctx.Done():
			return Outcome{}, ctx.Err()
		case <-deadline.C:
			return Outcome{TimedOut: true}, nil
		case <-tick.C:
		}
	}
}
