package emulator

import (
	"net/http"
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// TestAccountIDsMalformedVersusUnknown: on every endpoint that takes account ids, one that
// cannot be an account id is INVALID_REQUEST / INVALID_FIELD naming the field, and a well-formed
// one of no account of the Item is INVALID_INPUT / INVALID_ACCOUNT_ID.
func TestAccountIDsMalformedVersusUnknown(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_AUTH, plaid.PRODUCTS_IDENTITY)
	foreign := accountByMask(t, h.accounts(h.connect(plaid.PRODUCTS_AUTH)), "0000").AccountId
	malformed := []string{"nope", "ABCDEFG1234567", foreign + "x", foreign[:36] + "-"}

	listCalls := map[string]func(ids []string) (*plaidCall, string){
		"/accounts/get": func(ids []string) (*plaidCall, string) {
			req := plaid.NewAccountsGetRequest(tok)
			opts := plaid.NewAccountsGetRequestOptions()
			opts.SetAccountIds(ids)
			req.SetOptions(*opts)
			return callOf(ok(h.client.AccountsGet(h.ctx).AccountsGetRequest(*req).Execute())), "options.account_ids"
		},
		"/accounts/balance/get": func(ids []string) (*plaidCall, string) {
			req := plaid.NewAccountsBalanceGetRequest(tok)
			opts := plaid.NewAccountsBalanceGetRequestOptions()
			opts.SetAccountIds(ids)
			req.SetOptions(*opts)
			return callOf(ok(h.client.AccountsBalanceGet(h.ctx).AccountsBalanceGetRequest(*req).Execute())), "options.account_ids"
		},
		"/auth/get": func(ids []string) (*plaidCall, string) {
			req := plaid.NewAuthGetRequest(tok)
			opts := plaid.NewAuthGetRequestOptions()
			opts.SetAccountIds(ids)
			req.SetOptions(*opts)
			return callOf(ok(h.client.AuthGet(h.ctx).AuthGetRequest(*req).Execute())), "options.account_ids"
		},
		"/identity/get": func(ids []string) (*plaidCall, string) {
			req := plaid.NewIdentityGetRequest(tok)
			opts := plaid.NewIdentityGetRequestOptions()
			opts.SetAccountIds(ids)
			req.SetOptions(*opts)
			return callOf(ok(h.client.IdentityGet(h.ctx).IdentityGetRequest(*req).Execute())), "options.account_ids"
		},
	}
	for path, do := range listCalls {
		t.Run(path, func(t *testing.T) {
			for _, bad := range append(malformed, "") {
				c, field := do([]string{bad})
				c.wantField(t, field)
			}
			c, field := do([]string{})
			c.wantField(t, field)
			c, _ = do([]string{foreign})
			c.fails(t, 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
		})
	}

	oneCalls := map[string]func(id string) *plaidCall{
		"/processor/token/create": func(id string) *plaidCall {
			return callOf(h.processorToken(tok, id, "dwolla"))
		},
		"/processor/stripe/bank_account_token/create": func(id string) *plaidCall {
			return callOf(h.stripeToken(tok, id))
		},
		"/processor/apex/processor_token/create": func(id string) *plaidCall {
			return callOf(h.apexToken(tok, id))
		},
	}
	for path, do := range oneCalls {
		t.Run(path, func(t *testing.T) {
			for _, bad := range append(malformed, "") {
				do(bad).wantField(t, "account_id")
			}
			do(foreign).fails(t, 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
			// The form is checked before the token is looked up, as Plaid validates a request first.
			callOf(h.processorToken(unknownAccessToken, "nope", "dwolla")).wantField(t, "account_id")
		})
	}
}

// plaidCall is a finished plaid-go call whose result type the test does not need.
type plaidCall struct {
	resp *http.Response
	err  error
}

func callOf[T any](r result[T]) *plaidCall { return &plaidCall{resp: r.resp, err: r.err} }

func (r *plaidCall) fails(t *testing.T, status int, typ, code string) plaid.PlaidError {
	t.Helper()
	return wantPlaidError(t, r.resp, r.err, status, typ, code)
}

// wantField checks the call failed with INVALID_FIELD and a message that starts with field.
func (r *plaidCall) wantField(t *testing.T, field string) {
	t.Helper()
	pe := r.fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	if !strings.HasPrefix(pe.ErrorMessage, field+" ") {
		t.Errorf("message %q does not start with the field %s", pe.ErrorMessage, field)
	}
}
