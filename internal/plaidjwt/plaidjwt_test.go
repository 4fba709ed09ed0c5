package plaidjwt

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 15, 4, 5, 0, time.UTC)

func newTestKey(t *testing.T) *Key {
	t.Helper()
	k, err := NewKey(t0)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func sign(t *testing.T, k *Key, body string, at time.Time) string {
	t.Helper()
	tok, err := k.Sign([]byte(body), at)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestVerifyAcceptsWhatSignMade(t *testing.T) {
	k := newTestKey(t)
	body := "{\n  \"webhook_code\": \"ERROR\"\n}"
	tok := sign(t, k, body, t0)
	if err := Verify(tok, []byte(body), k.Public(), t0.Add(MaxAge)); err != nil {
		t.Fatalf("a fresh webhook was refused: %v", err)
	}
	if kid, err := KeyID(tok); err != nil || kid != k.ID() {
		t.Fatalf("KeyID = %q, %v; want %q", kid, err, k.ID())
	}
}

func TestVerifyRefuses(t *testing.T) {
	k, other := newTestKey(t), newTestKey(t)
	body := `{"a": 1}`
	tok := sign(t, k, body, t0)
	expired := k.Public()
	gone := t0.Unix()
	expired.ExpiredAt = &gone
	wrongKey := other.Public()
	wrongKey.Kid = k.ID()
	cases := []struct {
		name, token, body, want string
		key                     JWK
		now                     time.Time
	}{
		{"tampered body", tok, `{"a": 2}`, "SHA-256 differs", k.Public(), t0},
		{"whitespace changed", tok, `{"a":1}`, "SHA-256 differs", k.Public(), t0},
		{"old iat", tok, body, "more than the 5 minutes", k.Public(), t0.Add(MaxAge + time.Second)},
		{"iat from the future", tok, body, "in the future", k.Public(), t0.Add(-2 * time.Minute)},
		{"another key", tok, body, "signature does not match", wrongKey, t0},
		{"expired key", tok, body, "expired", expired, t0},
		{"another kid", tok, body, "names key", other.Public(), t0},
		{"alg none", withHeader(tok, `{"alg":"none","kid":"x","typ":"JWT"}`), body, "ES256 only", k.Public(), t0},
		{"alg HS256", withHeader(tok, `{"alg":"HS256","kid":"x","typ":"JWT"}`), body, "ES256 only", k.Public(), t0},
		{"not a JWT", "abc", body, "not a JWT", k.Public(), t0},
		{"signature cut", tok[:len(tok)-4], body, "signature does not match", k.Public(), t0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Verify(c.token, []byte(c.body), c.key, c.now)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Verify = %v; want an error saying %q", err, c.want)
			}
		})
	}
}

// withHeader swaps the JWT's header, keeping claims and signature.
func withHeader(tok, header string) string {
	parts := strings.SplitN(tok, ".", 2)
	return base64.RawURLEncoding.EncodeToString([]byte(header)) + "." + parts[1]
}

func TestPublicKeyShape(t *testing.T) {
	j := newTestKey(t).Public()
	if j.Alg != "ES256" || j.Crv != "P-256" || j.Kty != "EC" || j.Use != "sig" || j.ExpiredAt != nil || j.CreatedAt != t0.Unix() {
		t.Fatalf("JWK = %+v; want an ES256 P-256 EC signing key, created at t0, not expired", j)
	}
	for _, c := range []string{j.X, j.Y} {
		if b, err := base64.RawURLEncoding.DecodeString(c); err != nil || len(b) != 32 {
			t.Fatalf("coordinate %q is not 32 base64url bytes", c)
		}
	}
}

func BenchmarkSign(b *testing.B) {
	k, _ := NewKey(t0)
	body := []byte(strings.Repeat("x", 512))
	for b.Loop() {
		_, _ = k.Sign(body, t0)
	}
}
