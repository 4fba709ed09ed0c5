package emulator

import (
	"crypto/rand"
	"math/big"

	"github.com/google/uuid"
)

const alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// randomAlphanumerics is the shape of Plaid's item_id, account_id (37) and request_id (15).
func randomAlphanumerics(n int) string {
	b := make([]byte, n)
	max := big.NewInt(int64(len(alphanumerics)))
	for i := range b {
		v, err := rand.Int(rand.Reader, max)
		if err != nil {
			panic("emulator: no randomness: " + err.Error())
		}
		b[i] = alphanumerics[v.Int64()]
	}
	return string(b)
}

func newRequestID() string { return randomAlphanumerics(15) }
func newItemID() string    { return randomAlphanumerics(37) }
func newAccountID() string { return randomAlphanumerics(37) }

// Token shapes: <kind>-<env>-<uuid>, as Plaid issues them; env is sandbox unless a test's
// Impersonation plays production.
func (e *Emulator) token(kind string) string { return kind + "-" + e.env() + "-" + uuid.NewString() }

func (e *Emulator) newLinkToken() string        { return e.token("link") }
func (e *Emulator) newPublicToken() string      { return e.token("public") }
func (e *Emulator) newAccessToken() string      { return e.token("access") }
func (e *Emulator) newProcessorToken() string   { return e.token("processor") }
func (e *Emulator) newAssetReportToken() string { return e.token("assets") }
func (e *Emulator) newRelayToken() string       { return e.token("credit-relay") }

// newStripeToken looks like Stripe's bank account tokens: btok_ and 24 alphanumerics.
func newStripeToken() string { return "btok_" + randomAlphanumerics(24) }

// newAssetReportID is a UUID, like Plaid's asset_report_id.
func newAssetReportID() string { return uuid.NewString() }
