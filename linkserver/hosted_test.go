package linkserver

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestWaitHostedLink(t *testing.T) {
	boom := errors.New("API unreachable")
	cases := []struct {
		name    string
		results []func() (bool, string, error) // one per poll; the last repeats
		timeout time.Duration
		want    Outcome
		wantErr error
	}{
		{"success after two polls", []func() (bool, string, error){
			func() (bool, string, error) { return false, "", nil },
			func() (bool, string, error) { return false, "", nil },
			func() (bool, string, error) { return true, "public-sandbox-abc12345", nil },
		}, 0, Outcome{PublicToken: "public-sandbox-abc12345"}, nil},
		{"exit", []func() (bool, string, error){func() (bool, string, error) { return true, "", nil }}, 0, Outcome{Exited: true}, nil},
		{"poll error", []func() (bool, string, error){func() (bool, string, error) { return false, "", boom }}, 0, Outcome{}, boom},
		{"timeout", []func() (bool, string, error){func() (bool, string, error) { return false, "", nil }}, time.Millisecond, Outcome{TimedOut: true}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := 0
			poll := func(context.Context) (bool, string, error) {
				f := c.results[min(n, len(c.results)-1)]
				n++
				return f()
			}
			got, err := WaitHostedLink(context.Background(), poll, time.Millisecond, c.timeout)
			if !errors.Is(err, c.wantErr) || got.PublicToken != c.want.PublicToken || got.Exited != c.want.Exited || got.TimedOut != c.want.TimedOut {
				t.Fatalf("got %+v, %v; want %+v, %v", got, err, c.want, c.wantErr)
			}
		})
	}
}
