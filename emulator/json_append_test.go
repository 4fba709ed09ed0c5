package emulator

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

// encodedByJSON is v as writeJSON's encoding/json path writes it, without the final newline.
func encodedByJSON(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// checkAppended fails when a's own JSON differs from encoding/json's for its answer, or when
// it declines (ok=false) an answer it should write itself.
func checkAppended(t *testing.T, name string, a accountsAnswer, wantOwn bool) {
	t.Helper()
	got, ok := a.appendJSON(nil)
	if ok != wantOwn {
		t.Fatalf("%s: appendJSON ok=%v, want %v", name, ok, wantOwn)
	}
	if !ok {
		return
	}
	if want := encodedByJSON(t, a.answer()); !bytes.Equal(got, want) {
		t.Fatalf("%s: appendJSON wrote\n%s\nencoding/json writes\n%s", name, got, want)
	}
}

// userGoodAnswer is /accounts/get's answer for a new user_good Item.
func userGoodAnswer(t *testing.T) (accountsAnswer, *item) {
	in, found := institutionEntry("ins_109508")
	if !found {
		t.Fatal("no ins_109508")
	}
	it := &item{id: newItemID(), institution: in, products: []string{"auth", "transactions"}}
	return accountsAnswer{accounts: it.accounts(), item: it.json("req1"), requestID: "req1"}, it
}

// TestAccountsAnswerAppendsAsEncodingJSON: /accounts/get's answer written by appendJSON is
// byte for byte encoding/json's, for user_good's twelve accounts and for values at the edges
// of what it writes itself (null lists and fields, verification_status, numbers near the
// exponent cutoffs); strings to escape, exponent numbers and an Item error are left to
// encoding/json.
func TestAccountsAnswerAppendsAsEncodingJSON(t *testing.T) {
	a, it := userGoodAnswer(t)
	checkAppended(t, "user_good", a, true)
	it.webhook, it.verification = "http://127.0.0.1:9/hook", "pending_automatic_verification"
	a = accountsAnswer{accounts: it.accounts()[:1], item: it.json("req2"), requestID: "req2"}
	checkAppended(t, "webhook and verification_status", a, true)
	a.item.BilledProducts, a.item.InstitutionID, a.accounts = nil, nil, nil
	checkAppended(t, "null list, null institution, no accounts", a, true)

	for _, f := range []float64{0, math.Copysign(0, -1), 1e-6, 0.1 + 0.2, -43200.5, 23631.9805, 1e20, 9.99e20} {
		a, _ = userGoodAnswer(t)
		a.accounts[0].available = money(f)
		checkAppended(t, "number", a, true)
	}
	for _, f := range []float64{1e-7, 1e21, -2.5e-9, math.Inf(1), math.NaN()} {
		a, _ = userGoodAnswer(t)
		a.accounts[0].current = money(f)
		checkAppended(t, "exponent or unencodable number", a, false)
	}
	for _, odd := range []string{`Plaid "Gold"`, `back\slash`, "Épargne", "tab\there", "\x7f"} {
		a, _ = userGoodAnswer(t)
		a.accounts[1].name = odd
		checkAppended(t, "string to escape", a, false)
	}
	a, it = userGoodAnswer(t)
	it.custom = &customUser{} // user_custom's default accounts, from its configuration
	a.accounts = it.accounts()
	checkAppended(t, "custom user", a, true)
	a, _ = userGoodAnswer(t)
	a.accounts[1].name = "<Plaid & Co>" // written as it is: answers are not HTML-escaped
	checkAppended(t, "HTML characters", a, true)
	a, it = userGoodAnswer(t)
	it.loginRequired = true
	a.item = it.json("req3")
	checkAppended(t, "Item error", a, false)
}

// TestAppendedTypesKeepTheirFields fails when a type appendJSON writes gains or loses a field:
// appendJSON must then be taught it, or it would leave it out.
func TestAppendedTypesKeepTheirFields(t *testing.T) {
	for typ, n := range map[reflect.Type]int{
		reflect.TypeFor[accountsResponse](): 3, reflect.TypeFor[accountJSON](): 8,
		reflect.TypeFor[balanceJSON](): 5, reflect.TypeFor[itemJSON](): 11,
	} {
		if typ.NumField() != n {
			t.Errorf("%s has %d fields; appendJSON (json_append.go) writes %d: teach it the change", typ, typ.NumField(), n)
		}
	}
}
