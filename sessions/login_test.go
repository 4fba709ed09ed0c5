package sessions

import "testing"

func TestSandboxPasswordOnlyForLoginErrors(t *testing.T) {
	for _, tc := range []struct {
		o    Outcome
		want string
	}{
		{Outcome{Result: ResultError, Step: "/sandbox/public_token/create", ErrorCode: "INVALID_CREDENTIALS"}, "error_INVALID_CREDENTIALS"},
		{Outcome{Result: ResultError, Step: "link", ErrorCode: "ITEM_LOCKED"}, "error_ITEM_LOCKED"},
		{Outcome{Result: ResultError, Step: "/processor/token/create", ErrorCode: "INTERNAL_SERVER_ERROR"}, ""},
		{Outcome{Result: ResultError, Step: "/sandbox/public_token/create", ErrorCode: "PRODUCTS_NOT_SUPPORTED"}, ""},
		{Outcome{Result: ResultSuccess}, ""},
	} {
		if got := tc.o.SandboxPassword(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.o, got, tc.want)
		}
	}
}
