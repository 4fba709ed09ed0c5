package sessions

import (
	"time"

	"plaidwalk/plaidflow"
)

// Whole tokens as an unredacted log would carry them: the tests prove none reaches a file.
const (
	wholeLink      = "link-sandbox-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
	wholePublic    = "public-sandbox-11111111-2222-3333-4444-555555555555"
	wholeAccess    = "access-sandbox-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
	wholeProcessor = "processor-sandbox-99999999-8888-7777-6666-555555554444"
	wholeStripe    = "btok_5oSs2wLkqT4zDgR9xh1Xo2Yd"
	testSecret     = "0ff11ne5ec4e70000000000000000a"
)

var t0 = time.Date(2026, 11, 22, 4, 46, 53, 0, time.UTC)

func flowCall(ms int, path string, status int, code, req, resp string) plaidflow.Call {
	return plaidflow.Call{Time: t0.Add(time.Duration(ms) * time.Millisecond), Method: "POST", Path: path,
		Status: status, Latency: 3 * time.Millisecond, RequestID: "Req" + path[1:4] + "0000000000",
		ErrorCode: code, RequestBody: req, ResponseBody: resp}
}

// dwollaRecord is a successful Dwolla walk through the shortcut whose log was not redacted.
func dwollaRecord() Record {
	calls := []plaidflow.Call{
		flowCall(0, "/link/token/create", 200, "", `{"client_name":"plaidwalk","products":["auth"],"country_codes":["US"],"language":"en","user":{"client_user_id":"plaidwalk-user"}}`, `{"link_token":"`+wholeLink+`","expiration":"2026-11-22T08:46:53Z","request_id":"R1"}`),
		flowCall(10, "/sandbox/public_token/create", 200, "", `{"institution_id":"ins_109508","initial_products":["auth"],"options":{"override_username":"user_good","override_password":"pass_good"},"secret":"`+testSecret+`"}`, `{"public_token":"`+wholePublic+`","request_id":"R2"}`),
		flowCall(20, "/item/public_token/exchange", 200, "", `{"public_token":"`+wholePublic+`"}`, `{"access_token":"`+wholeAccess+`","item_id":"ItemAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","request_id":"R3"}`),
		flowCall(30, "/item/get", 200, "", `{"access_token":"`+wholeAccess+`"}`, `{"item":{"institution_id":"ins_109508"},"request_id":"R4"}`),
		flowCall(31, "/accounts/get", 200, "", `{"access_token":"`+wholeAccess+`"}`, `{"accounts":[{"account_id":"Acc1","mask":"0000","name":"Plaid Checking"}],"request_id":"R5"}`),
		flowCall(40, "/processor/token/create", 200, "", `{"access_token":"`+wholeAccess+`","account_id":"Acc1","processor":"dwolla"}`, `{"processor_token":"`+wholeProcessor+`","request_id":"R6"}`),
	}
	return Record{
		Source: "run", Plaidwalk: "0.1.0-test",
		Config:  plaidflow.Config{Env: plaidflow.EnvOffline, ClientID: "6a1f0ff11e0e0a1a70e00001", Secret: testSecret},
		Partner: plaidflow.Partner{ID: "dwolla", Name: "Dwolla", Processor: "dwolla", Flow: plaidflow.FlowProcessor},
		Options: plaidflow.WalkOptions{
			Link: plaidflow.LinkConfig{Products: []string{"auth"}, CountryCodes: []string{"US"}, Language: "en", ClientName: "plaidwalk", UserID: "plaidwalk-user"},
		},
		Result: plaidflow.WalkResult{
			Item:     plaidflow.Item{AccessToken: wholeAccess, ItemID: "ItemAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},
			Accounts: plaidflow.ItemAccounts{InstitutionID: "ins_109508", InstitutionName: "First Platypus Bank"},
			Account:  plaidflow.Account{ID: "Acc1", Name: "Plaid Checking", Mask: "0000", Type: "depository", Subtype: "checking"},
			Result:   plaidflow.PartnerResult{Tokens: []plaidflow.Token{{Kind: plaidflow.TokenProcessor, Value: wholeProcessor}}},
		},
		Calls: calls, Started: t0, Finished: t0.Add(50 * time.Millisecond),
	}
}

func planEnv(s string) plaidflow.Env { return plaidflow.Env(s) }
