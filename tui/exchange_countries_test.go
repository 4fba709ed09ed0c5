package tui

import (
	"testing"

	"plaidwalk/emulator"
)

// A Canadian bank is only found by /institutions/get_by_id with CA among the country codes:
// the exchange names it though the configuration's default countries are US only.
func TestExchangeNamesACanadianBank(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{})
	pub, err := w.tokenGen.SandboxPublicToken(t.Context(), "ins_43", []string{"auth"}, "user_good", "pass_good")
	if err != nil {
		t.Fatalf("sandbox public token: %v", err)
	}
	msg := exchangeCmd(t.Context(), w.deps.Client, w.deps.Log, pub, 1)()
	got, ok := msg.(itemExchangedMsg)
	if !ok {
		t.Fatalf("exchange: %#v", msg)
	}
	if got.accounts.InstitutionName != "Tartan-Dominion Bank of Canada" {
		t.Errorf("institution name %q, want Tartan-Dominion Bank of Canada", got.accounts.InstitutionName)
	}
}
