package sessions

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	s := Build(dwollaRecord())
	s.ID = "20261122-044653-dwolla-abcd"
	data, err := Encode(s, testSecret)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(data, "x.json")
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != CurrentVersion || got.Format != FormatName || got.ID != s.ID {
		t.Fatalf("header = %q v%d %q", got.Format, got.Version, got.ID)
	}
	if got.Inputs.Partner != "dwolla" || got.Inputs.Username != "user_good" || got.Inputs.Password != "pass_good" || !got.Inputs.PasswordKept {
		t.Fatalf("inputs = %+v", got.Inputs)
	}
	if got.Inputs.Account == nil || got.Inputs.Account.Mask != "0000" || got.Inputs.Account.Name != "Plaid Checking" {
		t.Fatalf("account = %+v", got.Inputs.Account)
	}
	if len(got.Calls) != 6 || got.Calls[5].Path != "/processor/token/create" || got.Calls[0].LatencyMS != 3 {
		t.Fatalf("calls = %+v", got.Calls)
	}
	if got.Outcome.Summary() != "success: processor_token" || got.Outcome.Tokens[0].Masked != "processor-sandbox-…4444" {
		t.Fatalf("outcome = %+v", got.Outcome)
	}
}

func TestDecodeUpgradesVersion1(t *testing.T) {
	data, err := os.ReadFile("testdata/v1-dwolla.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Decode(data, "testdata/v1-dwolla.json")
	if err != nil {
		t.Fatal(err)
	}
	if s.Version != CurrentVersion {
		t.Fatalf("version = %d", s.Version)
	}
	if len(s.Calls) != 2 || s.Calls[1].LatencyMS != 4.5 || s.Calls[1].ErrorCode != "ITEM_LOCKED" {
		t.Fatalf("calls = %+v", s.Calls)
	}
	if s.Outcome.Result != ResultError || s.Outcome.ErrorCode != "ITEM_LOCKED" {
		t.Fatalf("outcome = %+v", s.Outcome)
	}
	if s.Inputs.Username != "user_good" || s.Inputs.Password != "error_ITEM_LOCKED" || !s.Inputs.PasswordKept {
		t.Fatalf("inputs = %+v", s.Inputs)
	}
}

func TestDecodeRefusesBadFiles(t *testing.T) {
	good, err := Encode(Build(dwollaRecord()))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		data string
		want string
	}{
		"empty":          {"", "empty"},
		"truncated":      {string(good[:len(good)/2]), "cut short"},
		"not json":       {"hello", "not valid JSON"},
		"array":          {`[1,2,3]`, "not a plaidwalk session"},
		"foreign":        {`{"name":"left-pad","version":"1.3.0"}`, `"format": "plaidwalk.session"`},
		"no version":     {`{"format":"plaidwalk.session","id":"x"}`, `"version" field is missing`},
		"future":         {`{"format":"plaidwalk.session","version":99,"id":"x"}`, "newer plaidwalk"},
		"wrong type":     {`{"format":"plaidwalk.session","version":2,"id":"x","calls":"nope","inputs":{"partner":"dwolla"}}`, "wrong type"},
		"missing id":     {`{"format":"plaidwalk.session","version":2,"inputs":{"partner":"dwolla"}}`, `"id"`},
		"bad v1 upgrade": {`{"format":"plaidwalk.session","version":1,"id":"x","api_log":{}}`, "upgrading from format version 1"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Decode([]byte(tc.data), "bad.json")
			if err == nil {
				t.Fatal("decoded a bad file")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "bad.json") {
				t.Fatalf("error %q does not say %q and name the file", err, tc.want)
			}
			if name == "future" && !errors.Is(err, ErrFutureVersion) {
				t.Fatalf("future error does not wrap ErrFutureVersion: %v", err)
			}
		})
	}
}

func TestBuildInfersTheLinkMode(t *testing.T) {
	for _, tc := range []struct {
		publicToken string
		hosted      bool
		want        string
	}{{"", false, LinkModeShortcut}, {wholePublic, false, LinkModeBrowser}, {wholePublic, true, LinkModeHosted}} {
		r := dwollaRecord()
		r.Options.PublicToken, r.Options.Link.HostedLink = tc.publicToken, tc.hosted
		s := Build(r)
		if s.Inputs.LinkMode != tc.want {
			t.Errorf("public token %q hosted %v: mode %s, want %s", tc.publicToken, tc.hosted, s.Inputs.LinkMode, tc.want)
		}
		if tc.want != LinkModeShortcut && (s.Inputs.Username != "" || s.Inputs.Password != "") {
			t.Errorf("%s: a test user was invented for a walk that logged in through Link", tc.want)
		}
	}
}
