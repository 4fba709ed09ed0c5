package plaidflow

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
)

// Redacted replaces a secret in anything plaidwalk records or prints.
const Redacted = "[REDACTED]"

// tokenPattern matches every token kind Plaid issues, wherever it appears in a text:
// link-, public-, access-, processor-, assets- (asset report), credit-relay- style tokens for
// each environment, and Stripe's btok_.
var tokenPattern = regexp.MustCompile(
	`\b(?:[a-z]+(?:-[a-z]+)*-(?:sandbox|development|production)-[0-9A-Za-z][0-9A-Za-z-]{7,}|btok_[0-9A-Za-z]{4,})`)

// secretKeys are body fields whose whole value is secret.
var secretKeys = map[string]bool{"secret": true, "client_secret": true}

// RedactJSON returns body with the secret removed and every token masked. A JSON body is
// walked field by field (fields named like tokens are masked whatever their value looks like);
// anything else is scrubbed as text.
func RedactJSON(body []byte, secret string) string {
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return RedactText(string(body), secret)
	}
	v = redactValue("", v, secret)
	out, err := json.Marshal(v)
	if err != nil {
		return RedactText(string(body), secret)
	}
	return string(out)
}

// RedactText masks every token in s and removes the secret.
func RedactText(s, secret string) string {
	if secret != "" {
		s = strings.ReplaceAll(s, secret, Redacted)
	}
	return tokenPattern.ReplaceAllStringFunc(s, Mask)
}

func redactValue(key string, v any, secret string) any {
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			t[k] = redactValue(k, child, secret)
		}
		return t
	case []any:
		for i, child := range t {
			t[i] = redactValue(key, child, secret)
		}
		return t
	case string:
		switch {
		case secretKeys[key]:
			return Redacted
		case isTokenField(key):
			return Mask(t)
		case key == "account" && allDigits(t):
			// An account number (/processor/auth/get's numbers.ach[].account): the log,
			// sessions and curl keep its last four digits only; the partner view reveals it.
			return MaskNumber(t)
		}
		return RedactText(t, secret)
	}
	return v
}

// isTokenField reports whether a JSON field carries tokens: access_token, report_tokens,
// stripe_bank_account_token, relay_token and the rest.
func isTokenField(key string) bool {
	return strings.HasSuffix(key, "_token") || strings.HasSuffix(key, "_tokens") || key == "token"
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
