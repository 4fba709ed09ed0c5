package emulator

import (
	"net/http"
	"testing"
)

// brokenItem makes an Item through the sandbox shortcut, breaks its login with
// /sandbox/item/reset_login and returns its access_token.
func (r *linkRig) brokenItem() string {
	r.t.Helper()
	keys := map[string]any{"client_id": TestClientID, "secret": TestSecret}
	with := func(m map[string]any) map[string]any {
		for k, v := range keys {
			m[k] = v
		}
		return m
	}
	var pt struct {
		PublicToken string `json:"public_token"`
	}
	r.post("/sandbox/public_token/create", with(map[string]any{"institution_id": "ins_109508", "initial_products": []string{"auth"}}), &pt)
	var ex struct {
		AccessToken string `json:"access_token"`
	}
	r.post("/item/public_token/exchange", with(map[string]any{"public_token": pt.PublicToken}), &ex)
	if status := r.post("/sandbox/item/reset_login", with(map[string]any{"access_token": ex.AccessToken}), nil); status != 200 {
		r.t.Fatalf("reset_login: %d", status)
	}
	return ex.AccessToken
}

func (r *linkRig) itemCall(path, accessToken string) (int, map[string]any) {
	r.t.Helper()
	var out map[string]any
	status := r.post(path, map[string]any{"client_id": TestClientID, "secret": TestSecret, "access_token": accessToken}, &out)
	return status, out
}

// TestLinkUpdateModeRepairsTheItem: a link_token made with a broken Item's access_token and
// no products opens Link at the Item's bank (no search), refuses another bank, and a good
// login ends in onSuccess with every account; the Item works again with the same
// access_token.
func TestLinkUpdateModeRepairsTheItem(t *testing.T) {
	r := newLinkRig(t, nil)
	access := r.brokenItem()
	if status, body := r.itemCall("/accounts/get", access); status != 400 || body["error_code"] != "ITEM_LOGIN_REQUIRED" {
		t.Fatalf("after reset_login /accounts/get: %d %v", status, body["error_code"])
	}
	var lt struct {
		LinkToken string `json:"link_token"`
	}
	if status := r.post("/link/token/create", map[string]any{"client_id": TestClientID, "secret": TestSecret, "client_name": "Repair",
		"language": "en", "country_codes": []string{"US"}, "user": map[string]any{"client_user_id": "u1"}, "access_token": access}, &lt); status != 200 {
		t.Fatalf("update-mode link token: %d", status)
	}
	r.token = lt.LinkToken
	start, _ := r.call("session", map[string]any{"link_token": r.token})
	if !start.Update || start.Institution == nil || start.Institution.InstitutionID != "ins_109508" || len(start.Institutions) != 0 {
		t.Fatalf("update-mode session: %+v, want the Item's bank and no search list", start.linkReply)
	}
	if a, status := r.call("login", map[string]any{"link_session_id": start.LinkSessionID, "institution_id": "ins_109509",
		"username": "user_good", "password": "pass_good"}); status != http.StatusBadRequest || a.ErrorCode != "INVALID_INSTITUTION" {
		t.Errorf("login at another bank: %d %s, want INVALID_INSTITUTION", status, a.ErrorCode)
	}
	done := r.login(start.LinkSessionID, "ins_109508", "user_good", "pass_good")
	if done.Next != "connected" || done.PublicToken == "" {
		t.Fatalf("update-mode login: %+v, want onSuccess at once", done.linkReply)
	}
	if status, body := r.itemCall("/item/get", access); status != 200 || body["item"].(map[string]any)["error"] != nil {
		t.Errorf("/item/get after the repair: %d %v", status, body["item"])
	}
	if status, body := r.itemCall("/accounts/get", access); status != 200 || len(body["accounts"].([]any)) != 12 {
		t.Errorf("/accounts/get with the same access_token after the repair: %d %v", status, body["error_code"])
	}
}
