package emulator

import (
	"crypto/rand"
	"encoding/binary"
	mrand "math/rand/v2"
	"strings"

	"github.com/google/uuid"
)

const alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// unbiasedBelow is the largest multiple of 62 a byte can hold: bytes at or above it are skipped,
// so each of the 62 characters is equally likely.
const unbiasedBelow = 256 / len(alphanumerics) * len(alphanumerics)

// randomAlphanumerics is the shape of Plaid's item_id, account_id (37) and request_id (15). It
// takes one read of random bytes per id (ids are made on every request): twice
// the bytes needed, so the 1-in-32 skipped byte almost never calls for a second read.
func randomAlphanumerics(n int) string {
	var buf [96]byte
	out := make([]byte, 0, 64) // on the stack for Plaid's lengths
	for len(out) < n {
		pool := buf[:min(2*(n-len(out)), len(buf))]
		if _, err := rand.Read(pool); err != nil {
			panic("emulator: no randomness: " + err.Error())
		}
		out = appendUnbiased(out, n, pool)
	}
	return string(out)
}

// appendUnbiased appends to out one character for each byte of pool below unbiasedBelow,
// until out holds n.
func appendUnbiased(out []byte, n int, pool []byte) []byte {
	for _, c := range pool {
		if len(out) == n {
			break
		}
		if int(c) < unbiasedBelow {
			out = append(out, alphanumerics[int(c)%len(alphanumerics)])
		}
	}
	return out
}

const requestIDLen = 15

// newRequestID makes the request_id every answer carries. It only lets a call be found again,
// so it need not be unguessable: it comes from math/rand/v2's per-thread generator (seeded by
// the system), which costs a fraction of a system random read; ids that stand for access
// (items, tokens) keep crypto/rand.
func newRequestID() string {
	out := make([]byte, 0, requestIDLen)
	var pool [8]byte
	for len(out) < requestIDLen {
		binary.LittleEndian.PutUint64(pool[:], mrand.Uint64())
		out = appendUnbiased(out, requestIDLen, pool[:])
	}
	return string(out)
}

// newItemID is random; an Item's account ids are derived from it (item_seed.go).
func newItemID() string { return randomAlphanumerics(37) }

// Token shapes: <kind>-<env>-<uuid>, as Plaid issues them; env is sandbox unless a test's
// Impersonation plays production.
func (e *Emulator) token(kind string) string { return kind + "-" + e.env() + "-" + uuid.NewString() }

func (e *Emulator) newLinkToken() string        { return e.token("link") }
func (e *Emulator) newPublicToken() string      { return e.token("public") }
func (e *Emulator) newAssetReportToken() string { return e.token("assets") }
func (e *Emulator) newRelayToken() string       { return e.token("credit-relay") }

// tokenEnvs are the environments a token may name. A token of another environment than the
// emulator's is well-formed, though no token of this emulator.
var tokenEnvs = []string{"sandbox", "production", "development"}

// tokenShape says whether tok has the form of a token of this kind,
// <kind>-<environment>-<lower-case uuid>, in any environment: Plaid answers a malformed token
// apart from an unknown one. A loop rather than a regexp: every call that takes a token runs it.
func tokenShape(kind, tok string) bool {
	rest, ok := strings.CutPrefix(tok, kind)
	if !ok || !strings.HasPrefix(rest, "-") {
		return false
	}
	for _, env := range tokenEnvs {
		if id, ok := strings.CutPrefix(rest[1:], env); ok && strings.HasPrefix(id, "-") {
			return isLowerUUID(id[1:])
		}
	}
	return false
}

// isLowerUUID says whether s is a UUID as uuid.String writes it: lower-case hex in groups of
// 8-4-4-4-12.
func isLowerUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		dash := i == 8 || i == 13 || i == 18 || i == 23
		if dash != (c == '-') || (!dash && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
			return false
		}
	}
	return true
}

// newStripeToken looks like Stripe's bank account tokens: btok_ and 24 alphanumerics.
func newStripeToken() string { return "btok_" + randomAlphanumerics(24) }

// newAssetReportID is a UUID, like Plaid's asset_report_id.
func newAssetReportID() string { return uuid.NewString() }
