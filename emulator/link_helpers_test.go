package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// linkRig is an emulator served over loopback with a link_token, for the emulated Link's
// private endpoints.
type linkRig struct {
	t     *testing.T
	srv   *httptest.Server
	base  string // the server's URL when it is not srv (a harness's spec-checked server)
	token string
}

func newLinkRig(t *testing.T, tokenBody map[string]any) *linkRig {
	t.Helper()
	srv := httptest.NewServer(New(Options{}))
	t.Cleanup(srv.Close)
	r := &linkRig{t: t, srv: srv}
	body := map[string]any{
		"client_id": TestClientID, "secret": TestSecret, "client_name": "Link test", "language": "en",
		"country_codes": []string{"US"}, "user": map[string]any{"client_user_id": "u1"}, "products": []string{"auth"},
	}
	for k, v := range tokenBody {
		body[k] = v
	}
	var resp struct {
		LinkToken     string `json:"link_token"`
		HostedLinkURL string `json:"hosted_link_url"`
	}
	if status := r.post("/link/token/create", body, &resp); status != 200 {
		t.Fatalf("/link/token/create: status %d", status)
	}
	r.token = resp.LinkToken
	return r
}

// post sends JSON and decodes the answer into out; it returns the status.
func (r *linkRig) post(path string, body any, out any) int {
	r.t.Helper()
	b, _ := json.Marshal(body)
	base := r.base
	if base == "" {
		base = r.srv.URL
	}
	res, err := http.Post(base+path, "application/json", bytes.NewReader(b))
	if err != nil {
		r.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if out != nil && json.Unmarshal(raw, out) != nil {
		r.t.Fatalf("%s: not JSON: %s", path, raw)
	}
	return res.StatusCode
}

// linkAnswer is the union of what the private endpoints reply, or a Plaid error.
type linkAnswer struct {
	linkReply
	ErrorType, ErrorCode string
}

func (r *linkRig) call(name string, req map[string]any) (linkAnswer, int) {
	r.t.Helper()
	var raw json.RawMessage
	status := r.post("/link/emulated/api/"+name, req, &raw)
	var a linkAnswer
	if status == http.StatusOK {
		err := json.Unmarshal(raw, &a.linkReply)
		if err != nil {
			r.t.Fatalf("%s: %v", name, err)
		}
		return a, status
	}
	var e struct {
		ErrorType string `json:"error_type"`
		ErrorCode string `json:"error_code"`
	}
	json.Unmarshal(raw, &e) //nolint:errcheck // checked through the fields below
	a.ErrorType, a.ErrorCode = e.ErrorType, e.ErrorCode
	return a, status
}

// session opens a Link session and returns its id.
func (r *linkRig) session() string {
	r.t.Helper()
	a, status := r.call("session", map[string]any{"link_token": r.token})
	if status != 200 || a.LinkSessionID == "" {
		r.t.Fatalf("session: %d %+v", status, a)
	}
	return a.LinkSessionID
}

func (r *linkRig) login(sid, inst, user, pass string) linkAnswer {
	r.t.Helper()
	a, status := r.call("login", map[string]any{"link_session_id": sid, "institution_id": inst, "username": user, "password": pass})
	if status != 200 {
		r.t.Fatalf("login: status %d %+v", status, a)
	}
	return a
}
