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

// Token shapes: <kind>-sandbox-<uuid>, as Plaid's Sandbox issues them.
func newLinkToken() string      { return "link-sandbox-" + uuid.NewString() }
func newPublicToken() string    { return "public-sandbox-" + uuid.NewString() }
func newAccessToken() string    { return "access-sandbox-" + uuid.NewString() }
func newProcessorToken() string { return "processor-sandbox-" + uuid.NewString() }
func newAssetReportToken() string {
	return "assets-sandbox-" + uuid.NewString()
}
func newRelayToken() string { return "credit-relay-sandbox-" + uuid.NewString() }

// newStripeToken looks like Stripe's bank account tokens: btok_ and 24 alphanumerics.
func newStripeToken() string { return "btok_" + randomAlphanumerics(24) }

// newAssetReportID is a UUID, like Plaid's asset_report_id.
func newAssetReportID() string { return uuid.NewString() }
