package sessions

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
)

// Redacted replaces a value that must never be written, such as the client secret.
const Redacted = "[redacted]"

// The scrub is defence in depth: plaidflow already redacts the API log, but a session is a
// file people attach to tickets, so every byte written passes these patterns too.
var (
	// Plaid tokens: <kind>-<environment>-<identifier>, e.g. access-sandbox-<uuid>.
	plaidTokenRE = regexp.MustCompile(`\b([a-z]+(?:-[a-z]+)*-(?:sandbox|production|development))-([0-9A-Za-z][0-9A-Za-z-]{15,})`)
	// Stripe bank account tokens.
	stripeTokenRE = regexp.MustCompile(`\b(btok_)([0-9A-Za-z]{6,})`)
	// Secret-valued JSON keys, plain or inside an escaped JSON string.
	secretKeyRE = regexp.MustCompile(`(?i)(\\?"(?:secret|client_secret|plaid[-_]secret|password_secret)\\?"\s*:\s*\\?")([^"\\]*)`)
	// The secret header, in case a header dump ever reaches a session.
	secretHeaderRE = regexp.MustCompile(`(?i)(plaid-secret\s*:\s*)([^\s"\\]+)`)
	// Token-valued JSON keys whatever their value looks like.
	// Password-valued JSON keys: only the sandbox's public test passwords survive.
	// In a body as sent the whole JSON string is read (a custom user's configuration holds
	// escaped quotes); inside an escaped JSON string only up to the next quote.
	passwordKeyRE        = regexp.MustCompile(`("(?:override_password|password)"\s*:\s*")((?:[^"\\]|\\.)*)`)
	escapedPasswordKeyRE = regexp.MustCompile(`(\\"(?:override_password|password)\\"\s*:\s*\\")([^"\\]*)`)
	tokenKeyRE           = regexp.MustCompile(`(\\?"(?:access_token|public_token|processor_token|link_token|stripe_bank_account_token|relay_token|asset_report_token|bank_account_token)\\?"\s*:\s*\\?")([^"\\]*)`)
)

// Scrub returns text with every whole token masked and every secret removed. secrets are
// values known to be secret (the configured client secret); short ones are ignored so a
// blank or placeholder value cannot wipe ordinary text.
func Scrub(text string, secrets ...string) string {
	for _, s := range secrets {
		if len(s) >= 8 {
			for _, form := range secretForms(s) {
				text = strings.ReplaceAll(text, form, Redacted)
			}
		}
	}
	// The hints are looked for once, in the text as given: no replacement adds one.
	lower := strings.ToLower(text)
	for _, rule := range scrubRules {
		if rule.mayMatch(lower) {
			text = rule.re.ReplaceAllStringFunc(text, func(m string) string {
				return rule.replace(rule.re.FindStringSubmatch(m))
			})
		}
	}
	return text
}

// scrubRule is one pattern of the scrub and what replaces a match (given its submatches),
// with words one of which every match contains: a pattern runs only on text holding one, so
// a long body without any (an Asset Report) is passed over quickly.
type scrubRule struct {
	hints   []string // lowercase
	re      *regexp.Regexp
	replace func(sub []string) string
}

func (r scrubRule) mayMatch(lower string) bool {
	for _, h := range r.hints {
		if strings.Contains(lower, h) {
			return true
		}
	}
	return false
}

// scrubRules in the order they apply: secrets, then passwords, then tokens.
var scrubRules = []scrubRule{
	{[]string{"secret"}, secretKeyRE, func(sub []string) string { return sub[1] + Redacted }},
	{[]string{"secret"}, secretHeaderRE, func(sub []string) string { return sub[1] + Redacted }},
	{[]string{"password"}, passwordKeyRE, func(sub []string) string {
		var pw string
		if sub[2] == "" || json.Unmarshal([]byte(`"`+sub[2]+`"`), &pw) == nil && TestPassword(pw) {
			return sub[0]
		}
		return sub[1] + Redacted
	}},
	{[]string{"password"}, escapedPasswordKeyRE, func(sub []string) string {
		if sub[2] == "" || TestPassword(sub[2]) {
			return sub[0]
		}
		return sub[1] + Redacted
	}},
	{[]string{"-sandbox-", "-production-", "-development-"}, plaidTokenRE, func(sub []string) string { return sub[1] + "-…" + last4(sub[2]) }},
	{[]string{"btok_"}, stripeTokenRE, func(sub []string) string { return sub[1] + "…" + last4(sub[2]) }},
	{[]string{"token"}, tokenKeyRE, func(sub []string) string { return sub[1] + maskLoose(sub[2]) }},
}

// secretForms is a secret as it may appear in text: as it is, and as JSON spells it inside a
// request or response body (Go's encoder writes < > & as \u003c..., others do not).
func secretForms(secret string) []string {
	forms := []string{secret}
	var buf bytes.Buffer
	for _, html := range []bool{true, false} {
		buf.Reset()
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(html)
		if enc.Encode(secret) != nil {
			continue
		}
		quoted := strings.TrimSpace(buf.String())
		if form := quoted[1 : len(quoted)-1]; !slices.Contains(forms, form) {
			forms = append(forms, form)
		}
	}
	return forms
}

// MaskToken shows a token's kind and last four characters, never the whole value.
func MaskToken(token string) string {
	if token == "" {
		return ""
	}
	if masked := Scrub(token); masked != token {
		return masked
	}
	return maskLoose(token)
}

// maskLoose masks a value of unknown shape unless it is already masked.
func maskLoose(v string) string {
	if v == "" || v == Redacted || strings.Contains(v, "…") {
		return v
	}
	if len(v) <= 8 {
		return Redacted
	}
	return "…" + last4(v)
}

func last4(s string) string {
	if len(s) <= 4 {
		return s
	}
	return s[len(s)-4:]
}

var (
	testPasswordRE = regexp.MustCompile(`^(pass_good|microdeposits_good|error_[A-Z][A-Z0-9_]*|mfa_device|mfa_selections|mfa_questions_\d+_\d+|mfa_selections_\d+_\d+_\d+)$`)
	testUsernameRE = regexp.MustCompile(`^(user_good|user_custom|mfa_device|mfa_selections|mfa_questions_\d+_\d+|user_[a-z0-9_]+)$`)
)

// TestPassword reports whether a password is one of the sandbox's documented test passwords
// (pass_good, error_<CODE>, the MFA passwords) or a JSON object (user_custom's configuration,
// user_good's reCAPTCHA passwords). Only those are saved: they are public or describe test
// data, they are what makes a replay reproduce an error or a customer's account set, and no
// person uses them for a real bank. Any other password might be real, so it is dropped and
// the session says a password was not kept.
func TestPassword(password string) bool {
	if testPasswordRE.MatchString(password) {
		return true
	}
	var obj map[string]json.RawMessage
	return strings.HasPrefix(password, "{") && json.Unmarshal([]byte(password), &obj) == nil
}

// TestUsername reports whether a username has the shape of a sandbox test user; others are
// kept only in offline and sandbox sessions, where no real bank login can occur.
func TestUsername(username string) bool { return testUsernameRE.MatchString(username) }

// keepCredentials applies the credential rule to inputs before they are written.
func keepCredentials(in Inputs) Inputs {
	if in.Password != "" && !TestPassword(in.Password) {
		in.Password = ""
		in.PasswordKept = false
	}
	if in.Env == "production" {
		// The shortcut is refused in production, so any credentials here would be a real
		// person's: keep neither.
		in.Password, in.PasswordKept = "", false
		if !TestUsername(in.Username) {
			in.Username = ""
		}
	}
	return in
}
