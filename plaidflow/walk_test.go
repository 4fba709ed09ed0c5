package plaidflow

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
)

// TestEveryRunnablePartnerCompletesAFlow walks each runnable catalog entry end to end.
func TestEveryRunnablePartnerCompletesAFlow(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{AssetReportDelay: 20 * time.Millisecond})
	catalog, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range catalog.Runnable() {
		t.Run(p.ID, func(t *testing.T) {
			t.Parallel()
			c, _ := fastClient(t, cfg)
			o := WalkOptions{Link: DefaultLinkConfig(cfg, p)}
			if p.Flow == FlowCreditRelay {
				o.Inputs = PartnerInputs{InputSecondaryClientID: "alloy-test"}
			}
			var steps []string
			o.OnStep = func(s string) { steps = append(steps, s) }
			res, err := Walk(context.Background(), c, p, o)
			if err != nil {
				t.Fatalf("walk: %v", err)
			}
			if len(steps) != 5 || steps[4] != StepPartnerToken {
				t.Errorf("steps %v", steps)
			}
			if ok, why := Eligible(p, res.Account); !ok {
				t.Errorf("walk chose an ineligible account: %s", why)
			}
			checkPartnerTokens(t, p, res.Result)
		})
	}
}

func checkPartnerTokens(t *testing.T, p Partner, r PartnerResult) {
	t.Helper()
	want := map[FlowKind][]string{
		FlowProcessor:   {"processor-sandbox-"},
		FlowStripe:      {"btok_"},
		FlowCreditRelay: {"", ""}, // asset report token and relay token
	}[p.Flow]
	if len(r.Tokens) != len(want) {
		t.Fatalf("tokens %+v", r.Tokens)
	}
	for i, prefix := range want {
		if r.Tokens[i].Value == "" || !strings.HasPrefix(r.Tokens[i].Value, prefix) || r.Tokens[i].RequestID == "" {
			t.Errorf("token %d %+v, want prefix %q", i, r.Tokens[i], prefix)
		}
	}
}

func TestWalkAccountChoice(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	dwolla := mustPartner(t, "dwolla")
	for _, want := range []string{"1111", "plaid saving"} {
		c, _ := fastClient(t, cfg)
		res, err := Walk(context.Background(), c, dwolla, WalkOptions{Link: DefaultLinkConfig(cfg, dwolla), Account: want})
		if err != nil || res.Account.Mask != "1111" {
			t.Errorf("--account %q chose %+v, %v", want, res.Account, err)
		}
	}
	c, log := fastClient(t, cfg)
	_, err := Walk(context.Background(), c, dwolla, WalkOptions{Link: DefaultLinkConfig(cfg, dwolla), Account: "nope"})
	ae, ok := err.(*AccountError)
	if !ok || ae.Want != "nope" || !strings.Contains(err.Error(), "Plaid Checking (0000)") {
		t.Fatalf("want AccountError listing the accounts, got %v", err)
	}
	for _, call := range log.Calls() {
		if call.Path == "/processor/token/create" {
			t.Error("no partner token may be requested for an unknown account")
		}
	}
}

func TestWalkExplicitIneligibleAccountWarnsAndShowsPlaidsAnswer(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	dwolla := mustPartner(t, "dwolla")
	c, _ := fastClient(t, cfg)
	var warnings []string
	_, err := Walk(context.Background(), c, dwolla, WalkOptions{Link: DefaultLinkConfig(cfg, dwolla), Account: "3333",
		OnWarning: func(m string) { warnings = append(warnings, m) }})
	pe, ok := AsPlaidError(err)
	if !ok || pe.Code != "NO_AUTH_ACCOUNTS" || pe.Hint == "" {
		t.Fatalf("want NO_AUTH_ACCOUNTS with a hint, got %v", err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "credit card") {
		t.Errorf("warnings %v", warnings)
	}
}

func TestWalkWithPublicTokenSkipsTheShortcut(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	c, log := fastClient(t, cfg)
	pt, err := c.SandboxPublicToken(context.Background(), DefaultInstitutionID, []string{"auth"}, "", "")
	if err != nil {
		t.Fatal(err)
	}
	stripe := mustPartner(t, "stripe")
	if _, err := Walk(context.Background(), c, stripe, WalkOptions{Link: DefaultLinkConfig(cfg, stripe), PublicToken: pt}); err != nil {
		t.Fatal(err)
	}
	for _, call := range log.Calls()[1:] {
		if call.Path == "/link/token/create" || call.Path == "/sandbox/public_token/create" {
			t.Errorf("%s called although Link already ran", call.Path)
		}
	}
}

func BenchmarkWalkInProcess(b *testing.B) {
	// The emulator as plaidwalk runs it: without the tests' spec checking in front of it.
	srv := httptest.NewServer(emulator.New(emulator.Options{}))
	b.Cleanup(srv.Close)
	cfg := emulatorConfig(srv.URL)
	dwolla := mustPartner(b, "dwolla")
	o := WalkOptions{Link: DefaultLinkConfig(cfg, dwolla)}
	b.ReportAllocs()
	for b.Loop() {
		c := NewClient(cfg, nil)
		if _, err := Walk(context.Background(), c, dwolla, o); err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
}

// TestWalkChecksInputsBeforeAnyCall: a bad days_requested, or an input the partner does not
// take, used to surface only at the last step, after an Item had been made.
func TestWalkChecksInputsBeforeAnyCall(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	alloy, dwolla := mustPartner(t, "alloy-credit"), mustPartner(t, "dwolla")
	cases := []struct {
		name    string
		p       Partner
		in      PartnerInputs
		want    string
		unknown bool
	}{
		{"days over 731", alloy, PartnerInputs{InputSecondaryClientID: "a", InputDaysRequested: "900"}, InputDaysRequested, false},
		{"days not a number", alloy, PartnerInputs{InputSecondaryClientID: "a", InputDaysRequested: "lots"}, InputDaysRequested, false},
		{"no secondary client id", alloy, nil, InputSecondaryClientID, false},
		{"days for a processor partner", dwolla, PartnerInputs{InputDaysRequested: "30"}, InputDaysRequested, true},
		{"secondary id for a processor partner", dwolla, PartnerInputs{InputSecondaryClientID: "x"}, InputSecondaryClientID, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := ValidateInputs(tc.p, tc.in); err == nil {
				t.Fatal("ValidateInputs accepted the inputs")
			}
			c, log := fastClient(t, cfg)
			_, err := Walk(context.Background(), c, tc.p, WalkOptions{Link: DefaultLinkConfig(cfg, tc.p), Inputs: tc.in})
			var ie *InputError
			if !asInputError(err, &ie) || ie.Input.Name != tc.want || ie.Unexpected != tc.unknown {
				t.Fatalf("want an InputError for %s (unexpected=%v), got %#v", tc.want, tc.unknown, err)
			}
			if tc.unknown && !strings.Contains(err.Error(), "does not take") {
				t.Errorf("message %q does not say the partner does not take it", err)
			}
			if n := len(log.Calls()); n != 0 {
				t.Errorf("the walk made %d API calls before refusing its inputs", n)
			}
		})
	}
	if err := ValidateInputs(alloy, PartnerInputs{InputSecondaryClientID: "a", InputDaysRequested: "731"}); err != nil {
		t.Errorf("valid alloy inputs refused: %v", err)
	}
	if err := ValidateInputs(dwolla, nil); err != nil {
		t.Errorf("dwolla without inputs refused: %v", err)
	}
}

// TestWalkNamesACanadianInstitution: when /item/get does not name the bank, the lookup must
// ask in the walk's Link countries; asked as US, /institutions/get_by_id refuses ins_43
// (Tartan-Dominion Bank of Canada).
func TestWalkNamesACanadianInstitution(t *testing.T) {
	cfg := namelessItems(t, startEmulator(t, emulator.Options{}))
	finix := mustPartner(t, "finix")
	c, log := fastClient(t, cfg)
	lc := DefaultLinkConfig(cfg, finix)
	lc.CountryCodes = []string{"CA"}
	res, err := Walk(context.Background(), c, finix, WalkOptions{Link: lc, InstitutionID: "ins_43"})
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	if res.Accounts.InstitutionName != "Tartan-Dominion Bank of Canada" {
		t.Errorf("institution name %q", res.Accounts.InstitutionName)
	}
	for _, call := range log.Calls() {
		if call.Path == "/institutions/get_by_id" && call.Status != 200 {
			t.Errorf("/institutions/get_by_id answered %d %s: %s", call.Status, call.ErrorCode, call.ResponseBody)
		}
	}
}
