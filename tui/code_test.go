package tui

import (
	"bytes"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// g on the results shows the chosen call as code with Plaid's library, language after
// language and back to curl; y copies the code shown whole; the choice is kept for the call
// detail, where g goes on and y copies too.
func TestCodeViewSwitchesLanguageAndCopies(t *testing.T) {
	const access = "access-sandbox-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
	body := plaidflow.RedactJSON([]byte(`{"access_token":"`+access+`","account_id":"acc-checking","processor":"dwolla","secret":"s3cr3t"}`), "s3cr3t")
	m := atResultsWith(t, []plaidflow.Call{{Method: "POST", Path: "/processor/token/create", Status: 200, RequestBody: body,
		ResponseBody: `{"processor_token":"processor-sandbox-…4321"}`}})
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 90}) // the code below the fold is on screen
	mustContain(t, m.View(), "g as code")
	m = send(m, keyMsg("g"))
	mustContain(t, m.View(), "node with Plaid's library", "client.processorTokenCreate(request)", `processor: "dwolla"`)
	var clip bytes.Buffer
	m.deps.Clipboard = &clip
	m, cmd := sendCmd(m, keyMsg("y"))
	send(m, cmd())
	code := copiedText(t, clip.String())
	if !strings.Contains(code, "access_token: accessToken") || strings.Contains(code, "s3cr3t") || strings.Contains(code, "eeee") {
		t.Fatalf("copied node code:\n%s", code)
	}
	for _, want := range []string{"python", "go", "ruby", "java"} {
		m = send(m, keyMsg("g"))
		mustContain(t, m.View(), want+" with Plaid's library")
	}
	m = send(m, keyMsg("g"))
	mustContain(t, m.View(), "curl (keys as $PLAID_CLIENT_ID")
	m = send(m, keyMsg("g"), keyMsg("g")) // node, then python
	m.calls = []plaidflow.Call{{Method: "POST", Path: "/processor/token/create", Status: 200, RequestBody: body}}
	m = send(m, keyMsg("l"), keyMsg("d"))
	mustContain(t, m.View(), "API call 1 of 1", "g code language")
	mustContain(t, m.detail.view.View(), "python with Plaid's library", "client.processor_token_create(request)")
	m = send(m, keyMsg("g"))
	mustContain(t, m.detail.view.View(), "go with Plaid's library", "client.PlaidApi.ProcessorTokenCreate(ctx)")
	clip.Reset()
	m, cmd = sendCmd(m, keyMsg("y"))
	send(m, cmd())
	if got := copiedText(t, clip.String()); !strings.Contains(got, "request.SetProcessor(\"dwolla\")") {
		t.Fatalf("copied go code:\n%s", got)
	}
}

// --lang (Deps.CodeLang) opens the code view in that language.
func TestCodeViewStartsInTheConfiguredLanguage(t *testing.T) {
	m := send(atResults(t), tea.WindowSizeMsg{Width: 100, Height: 90})
	m.codeLang = "ruby" // what New takes from Deps.CodeLang
	mustContain(t, m.View(), "ruby with Plaid's library", "CLIENT.processor_token_create(request)")
}
