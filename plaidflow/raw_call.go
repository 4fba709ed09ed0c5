package plaidflow

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// userAgent is what every call of plaidwalk sends, through plaid-go or sendRaw.
const userAgent = "plaidwalk (plaid-go v43)"

// maxRawAnswer bounds an answer sendRaw reads: the largest Asset Report Plaid makes is a few MB.
const maxRawAnswer = 64 << 20

// rawAPIError is an answer other than 2xx to sendRaw; toError reads it as Plaid's error.
type rawAPIError struct {
	status int
	body   []byte
}

func (e *rawAPIError) Error() string { return fmt.Sprintf("HTTP %d", e.status) }

// sendRaw posts a plaid-go request model to path through the client's own HTTP client, with the
// headers plaid-go sends, so the API log records it as it records every call. It is for calls
// whose answer plaidwalk shows from the log but does not read (Try the Item, the Asset Report
// polls): decoding those into plaid-go's response types, only to drop them, linked about
// 0.45 MB of model code into the binary (issue 13's size budget).
func (c *Client) sendRaw(ctx context.Context, path string, body any) (*http.Response, error) {
	resp, _, err := c.postRaw(ctx, path, body)
	return resp, err
}

// postRaw is sendRaw that also returns the answer's bytes, for a caller that reads a few of
// its fields into a struct of its own.
func (c *Client) postRaw(ctx context.Context, path string, body any) (*http.Response, []byte, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: the request does not encode: %w", path, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(b))
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("PLAID-CLIENT-ID", c.cfg.ClientID)
	req.Header.Set("PLAID-SECRET", c.cfg.Secret)
	req.Header.Set(PlaidVersionHeader, PlaidVersion)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxRawAnswer))
	if err != nil {
		return nil, nil, err
	}
	if resp.StatusCode >= http.StatusMultipleChoices {
		return resp, nil, &rawAPIError{status: resp.StatusCode, body: answer}
	}
	return resp, answer, nil
}

// readInto is a read sent with postRaw, retried as readCall retries, whose answer is decoded
// into out (a struct of the few fields the caller shows).
func (c *Client) readInto(ctx context.Context, path string, body, out any) error {
	var answer []byte
	err := c.readCall(ctx, path, func() (*http.Response, error) {
		h, a, err := c.postRaw(ctx, path, body)
		answer = a
		return h, err
	})
	if err != nil {
		return err
	}
	if err := json.Unmarshal(answer, out); err != nil {
		return fmt.Errorf("%s: the answer is not what Plaid's API describes: %w", path, err)
	}
	return nil
}

// readRaw is a read sent with sendRaw and retried as readCall retries.
func (c *Client) readRaw(ctx context.Context, path string, body any) error {
	return c.readCall(ctx, path, func() (*http.Response, error) { return c.sendRaw(ctx, path, body) })
}
