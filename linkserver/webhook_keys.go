package linkserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"plaidwalk/internal/plaidjwt"
)

// KeySource fetches webhook verification keys from the sending emulator by kid, as Plaid's
// guide tells a receiver to, and keeps the ones it got (a kid names one key for good). Keys
// that could not be fetched are not kept, so a hostile sender inventing kids fills nothing.
type KeySource struct {
	baseURL, clientID, secret string
	client                    *http.Client

	mu   sync.Mutex
	keys map[string]plaidjwt.JWK
}

// maxCachedKeys bounds the cache; an emulator has one key, so this is generous.
const maxCachedKeys = 64

// NewKeySource asks baseURL (an emulator, or any host serving the key endpoint) with these keys; an
// empty baseURL verifies nothing.
func NewKeySource(baseURL, clientID, secret string) *KeySource {
	return &KeySource{baseURL: strings.TrimRight(baseURL, "/"), clientID: clientID, secret: secret,
		client: &http.Client{Timeout: 10 * time.Second}, keys: map[string]plaidjwt.JWK{}}
}

// Verify checks a Plaid-Verification value for body at now: nil means verified.
func (k *KeySource) Verify(ctx context.Context, token string, body []byte, now time.Time) error {
	if token == "" {
		return errors.New("no Plaid-Verification header")
	}
	kid, err := plaidjwt.KeyID(token)
	if err != nil {
		return err
	}
	key, err := k.key(ctx, kid)
	if err != nil {
		return err
	}
	return plaidjwt.Verify(token, body, key, now)
}

func (k *KeySource) key(ctx context.Context, kid string) (plaidjwt.JWK, error) {
	k.mu.Lock()
	key, ok := k.keys[kid]
	k.mu.Unlock()
	if ok {
		return key, nil
	}
	if k.baseURL == "" {
		return plaidjwt.JWK{}, errors.New("no emulator to fetch the key from (set --base-url or PLAID_BASE_URL)")
	}
	key, err := k.fetch(ctx, kid)
	if err != nil {
		return plaidjwt.JWK{}, err
	}
	k.mu.Lock()
	if len(k.keys) < maxCachedKeys {
		k.keys[kid] = key
	}
	k.mu.Unlock()
	return key, nil
}

// fetch calls /webhook_verification_key/get with the host's keys.
func (k *KeySource) fetch(ctx context.Context, kid string) (plaidjwt.JWK, error) {
	reqBody, _ := json.Marshal(map[string]string{"key_id": kid})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, k.baseURL+"/webhook_verification_key/get", bytes.NewReader(reqBody))
	if err != nil {
		return plaidjwt.JWK{}, fmt.Errorf("cannot ask %s for the key: %w", k.baseURL, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("PLAID-CLIENT-ID", k.clientID)
	req.Header.Set("PLAID-SECRET", k.secret)
	resp, err := k.client.Do(req)
	if err != nil {
		return plaidjwt.JWK{}, fmt.Errorf("cannot reach %s for the key: %w", k.baseURL, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var out struct {
		Key       plaidjwt.JWK `json:"key"`
		ErrorCode string       `json:"error_code"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return plaidjwt.JWK{}, fmt.Errorf("%s answered the key request with %d and no JSON", k.baseURL, resp.StatusCode)
	}
	if resp.StatusCode != http.StatusOK {
		return plaidjwt.JWK{}, fmt.Errorf("%s has no key %q (%d %s): the webhook was not signed by this emulator", k.baseURL, kid, resp.StatusCode, out.ErrorCode)
	}
	return out.Key, nil
}

// BaseURL is the host keys are fetched from ("" when none was named).
func (k *KeySource) BaseURL() string { return k.baseURL }
