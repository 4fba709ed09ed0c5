package plaidflow

import (
	"context"
	"strings"
	"testing"

	"plaidwalk/emulator"
)

// TestPartnerViewOfAPendingAccount: Dwolla's token for an account that waits on automated
// micro-deposits reads the balance, and /processor/auth/get's PRODUCT_NOT_READY is kept as the
// answer the partner must expect, not a failure. MoveVerificationAlong verifies it
// (/sandbox/item/set_verification_status, then /accounts/get), and the same token then reads
// the numbers.
func TestPartnerViewOfAPendingAccount(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{}))
	p := mustPartner(t, "dwolla")
	f, _ := AuthFlowByID("automated-microdeposits")
	inst, user, pass := f.ShortcutLogin()
	ctx := context.Background()
	res, err := Walk(ctx, c, p, WalkOptions{Link: DefaultLinkConfig(c.Config(), p), InstitutionID: inst, Username: user, Password: pass})
	if err != nil {
		t.Fatal(err)
	}
	if !AwaitsMicrodeposits(res.Account.Verification) || !CanMoveVerification(c.Config().Env, res.Account.Verification) {
		t.Fatalf("account %+v: want it pending_automatic_verification", res.Account)
	}
	in := PartnerViewInput{Partner: p, Result: res.Result, InstitutionID: inst, Username: user, Password: pass}
	v, err := c.PartnerView(ctx, in)
	if err != nil {
		t.Fatalf("partner view of a pending account: %v", err)
	}
	if v.NumbersNotReady == nil || v.NumbersNotReady.Code != "PRODUCT_NOT_READY" || len(v.Numbers) != 0 ||
		v.Account.Verification != VerificationPendingAutomatic || v.Account.Current == nil {
		t.Fatalf("view %+v: want PRODUCT_NOT_READY kept, no numbers, the pending account's balance", v)
	}
	before := len(log.Calls())
	accts, err := c.MoveVerificationAlong(ctx, res.Item.AccessToken, res.Account.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Accounts reads /accounts/get and /item/get side by side: their order is not fixed.
	if got := paths(log.Calls()[before:]); len(got) < 2 || got[0] != "/sandbox/item/set_verification_status" || !strings.Contains(strings.Join(got, " "), "/accounts/get") {
		t.Errorf("calls %q, want set_verification_status then the accounts read again", got)
	}
	if len(accts.Accounts) != 1 || accts.Accounts[0].Verification != VerificationAutomatic {
		t.Fatalf("accounts after: %+v", accts.Accounts)
	}
	v, err = c.PartnerView(ctx, in)
	if err != nil || v.NumbersNotReady != nil || len(v.Numbers) != 1 || v.Numbers[0].Routing != "021000021" {
		t.Fatalf("after verification: %+v, %v; want the numbers with routing 021000021", v, err)
	}
}

// The note on a pending account names what the partner cannot do and how the app hears of
// the end of the wait, for each kind of wait.
func TestPendingPartnerNote(t *testing.T) {
	auto := PendingPartnerNote(VerificationPendingAutomatic)
	for _, want := range []string{"PRODUCT_NOT_READY", "AUTOMATICALLY_VERIFIED", "VERIFICATION_EXPIRED", "balance"} {
		if !strings.Contains(auto, want) {
			t.Errorf("automated note lacks %q: %s", want, auto)
		}
	}
	if manual := PendingPartnerNote("pending_manual_verification"); !strings.Contains(manual, "deposit code") || strings.Contains(manual, "AUTOMATICALLY_VERIFIED") {
		t.Errorf("manual note: %s", manual)
	}
	if AwaitsMicrodeposits("automatically_verified") || AwaitsMicrodeposits("") || !AwaitsMicrodeposits("pending_manual_verification") {
		t.Error("AwaitsMicrodeposits")
	}
	if CanMoveVerification(EnvProduction, VerificationPendingAutomatic) || CanMoveVerification(EnvOffline, "pending_manual_verification") {
		t.Error("CanMoveVerification: production and the Same-Day flow cannot be moved by the sandbox endpoint")
	}
}
