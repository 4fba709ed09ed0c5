package plaidflow

import (
	"context"
	"net/http"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// Client runs the API steps through plaid-go, recording every call in the API log.
type Client struct {
	api     *plaid.PlaidApiService
	http    *http.Client
	cfg     Config
	log     *APILog
	baseURL string

	// Backoff is the first wait before retrying a safe call after 429 or 5xx; it doubles per
	// attempt. PollInterval is the first wait between Asset Report polls; it grows to PollMax.
	Backoff      time.Duration
	MaxRetries   int
	PollInterval time.Duration
	PollMax      time.Duration
	// Webhooks is the walk's webhook receiver, if any (webhooks.go).
	Webhooks Webhooks
}

// requestTimeout bounds one HTTP exchange with Plaid.
const requestTimeout = 60 * time.Second

// NewClient makes a Client for a validated Config (BaseURL must be set for offline).
func NewClient(cfg Config, log *APILog) *Client {
	return NewClientWith(cfg, log, ClientOptions{})
}

// NewClientWith is NewClient with how the client reaches the network changed (client_net.go).
func NewClientWith(cfg Config, log *APILog, o ClientOptions) *Client {
	if log == nil {
		log = NewAPILog()
	}
	base := BaseURLFor(cfg)
	pc := plaid.NewConfiguration()
	// Debug stays false: plaid-go's debug dump would print the PLAID-SECRET header.
	pc.UseEnvironment(plaid.Environment(base))
	pc.AddDefaultHeader("PLAID-CLIENT-ID", cfg.ClientID)
	pc.AddDefaultHeader("PLAID-SECRET", cfg.Secret)
	pc.AddDefaultHeader(PlaidVersionHeader, PlaidVersion)
	pc.UserAgent = userAgent
	transport := o.transport()
	pc.HTTPClient = &http.Client{
		Timeout:   requestTimeout,
		Transport: &recorder{next: transport, log: log, secret: cfg.Secret},
	}
	return &Client{
		api:          plaid.NewAPIClient(pc).PlaidApi,
		http:         pc.HTTPClient,
		cfg:          cfg,
		log:          log,
		baseURL:      base,
		Backoff:      250 * time.Millisecond,
		MaxRetries:   3,
		PollInterval: 250 * time.Millisecond,
		PollMax:      3 * time.Second,
	}
}

// BaseURLFor is the API host a Config talks to.
func BaseURLFor(cfg Config) string {
	switch {
	case cfg.BaseURL != "":
		return cfg.BaseURL
	case cfg.Env == EnvProduction:
		return ProductionURL
	}
	return SandboxURL
}

// Close releases the client's idle keep-alive connections. Call it before stopping an
// in-process emulator: a server's graceful shutdown waits for connections left open.
func (c *Client) Close() {
	if r, ok := c.http.Transport.(*recorder); ok {
		if t, ok := r.next.(*http.Transport); ok {
			t.CloseIdleConnections()
		}
	}
}

// BaseURL is the API host this client talks to (for CurlFor).
func (c *Client) BaseURL() string { return c.baseURL }

// Config is the configuration the client was made with.
func (c *Client) Config() Config { return c.cfg }

// Log is the client's API log.
func (c *Client) Log() *APILog { return c.log }

// Conceal keeps s out of every call recorded from now on, as the secret is kept out: a walk's
// webhook receiver lives behind a secret path, and the URL goes into request bodies.
func (c *Client) Conceal(s string) {
	if r, ok := c.http.Transport.(*recorder); ok {
		r.conceal(s)
	}
}

// retrySafe runs an idempotent call, repeating it with backoff while Plaid answers 429 or 5xx.
// Never use it for calls that create something (tokens, reports): a retry could make two.
func (c *Client) retrySafe(ctx context.Context, call func() (*http.Response, error)) error {
	wait := c.Backoff
	for attempt := 0; ; attempt++ {
		resp, err := call()
		if err == nil || resp == nil || !retryable(resp.StatusCode) || attempt >= c.MaxRetries {
			return err
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
		wait *= 2
	}
}

func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
