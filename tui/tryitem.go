package tui

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// After the results: Try the Item (t). The calls the Item's products and accounts allow
// (plaidflow.TryCalls owns which), one a line; Enter makes the highlighted one with the walk's
// access_token (the API log masks it, and the screen shows the log's copy) and shows the
// request, the response, and the call as curl or code (tryitem_view.go). esc goes back to the
// list, then to the results.

type tryItemModel struct {
	sel     int
	running string           // the path being called; "" when none
	tried   string           // the path whose outcome is shown; "" on the list
	calls   []plaidflow.Call // the calls it made, polls folded to their last answer
	err     error            // its error, if it failed
	offset  int              // first line of the outcome shown
	// backToList: esc left an outcome (or a call), so the step stays, on its list.
	backToList bool
}

// tryItemRequestedMsg: t on the results.
type tryItemRequestedMsg struct{}

// tryCallChosenMsg: Enter (or r on an outcome) on a call of the list.
type tryCallChosenMsg struct{ call plaidflow.TryCall }

// itemTriedMsg: a call of the list came back.
type itemTriedMsg struct {
	op    int
	path  string
	calls []plaidflow.Call
	err   error
	apiSnapshot
}

// tryCalls are the calls offered on the walk's Item.
func (w walkState) tryCalls() []plaidflow.TryCall {
	return plaidflow.TryCalls(w.accounts.Products, w.accounts.Accounts)
}

// tryInput is what the calls are made with: the Item's token, its bank and first account.
func (w walkState) tryInput() plaidflow.TryInput {
	in := plaidflow.TryInput{AccessToken: w.item.AccessToken, InstitutionID: w.accounts.InstitutionID}
	if len(w.accounts.Accounts) > 0 {
		in.AccountID = w.accounts.Accounts[0].ID
	}
	return in
}

// runTry starts the chosen call; the newest run's session notes it, so a replay makes it too.
func (m Model) runTry(msg tryCallChosenMsg) (tea.Model, tea.Cmd) {
	ctx, op := m.newOp()
	m.try.running, m.try.tried, m.try.calls, m.try.err, m.try.offset = msg.call.Path, "", nil, nil, 0
	m.noteAfterHandoff(sessions.AfterTry(msg.call.Path))
	return m, tea.Batch(tryCallCmd(ctx, m.deps.Client, m.deps.Log, msg.call.Path, m.walk.tryInput(), op), m.startSpinner())
}

// tryCallCmd makes the call and hands back the calls it logged.
func tryCallCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, path string, in plaidflow.TryInput, op int) tea.Cmd {
	return func() tea.Msg {
		from := len(log.Calls())
		err := c.Try(ctx, path, in)
		calls := log.Calls()
		return itemTriedMsg{op: op, path: path, calls: foldPolls(calls[min(from, len(calls)):]), err: err, apiSnapshot: apiSnapshot{calls}}
	}
}

// foldPolls keeps the last of each run of alike calls (the polls of an Asset Report).
func foldPolls(calls []plaidflow.Call) []plaidflow.Call {
	var out []plaidflow.Call
	for i, c := range calls {
		if i+1 < len(calls) && plaidflow.AlikeCalls(c, calls[i+1]) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func (t tryItemModel) update(msg tea.Msg, env stepEnv) (tryItemModel, tea.Cmd, tea.Msg) {
	switch msg := msg.(type) {
	case itemTriedMsg:
		if msg.op == env.op {
			t.running, t.tried, t.calls, t.err, t.offset = "", msg.path, msg.calls, msg.err, 0
		}
	case tea.KeyMsg:
		if t.running != "" {
			return t, nil, nil
		}
		if t.tried != "" {
			return t.outcomeKey(msg, env)
		}
		return t.listKey(msg, env)
	}
	return t, nil, nil
}

func (t tryItemModel) listKey(msg tea.KeyMsg, env stepEnv) (tryItemModel, tea.Cmd, tea.Msg) {
	calls := env.walk.tryCalls()
	k := env.keys
	switch {
	case key.Matches(msg, k.Up):
		t.sel = max(t.sel-1, 0)
	case key.Matches(msg, k.Down):
		t.sel = min(t.sel+1, max(len(calls)-1, 0))
	case key.Matches(msg, k.Enter) && len(calls) > 0:
		return t, nil, tryCallChosenMsg{call: calls[min(t.sel, len(calls)-1)]}
	}
	return t, nil, nil
}

func (t tryItemModel) outcomeKey(msg tea.KeyMsg, env stepEnv) (tryItemModel, tea.Cmd, tea.Msg) {
	k := env.keys
	page := max(env.height-3, 1)
	switch {
	case key.Matches(msg, k.Up):
		t.offset = max(t.offset-1, 0)
	case key.Matches(msg, k.Down):
		t.offset++
	case key.Matches(msg, k.PageUp):
		t.offset = max(t.offset-page, 0)
	case key.Matches(msg, k.PageDown):
		t.offset += page
	case key.Matches(msg, k.CodeLang):
		return t, nil, codeLangNextMsg{}
	case key.Matches(msg, k.CopyCurl) && len(t.calls) > 0:
		return t, t.copyCode(env), nil
	case key.Matches(msg, k.Retry):
		if tc, ok := plaidflow.TryCallFor(t.tried); ok {
			return t, nil, tryCallChosenMsg{call: tc}
		}
	}
	return t, nil, nil
}

// copyCode copies the call the line named, as curl (tokens as shell variables: the screen
// never holds them whole) or as code in the view's language.
func (t tryItemModel) copyCode(env stepEnv) tea.Cmd {
	c := t.calls[0]
	if isCurl(env.codeLang) {
		curl, _ := resultsPage{env: env}.curlToCopy(c)
		return env.copy(curl, "curl for "+c.Path+" (set $ACCESS_TOKEN first)")
	}
	return env.copy(callCode(env.codeLang, c), env.codeLang+" for "+c.Path)
}

// back leaves the outcome (or a call still running) for the list; on the list esc is the
// root's, back to the results.
func (t tryItemModel) back() tryItemModel {
	t.backToList = t.tried != "" || t.running != ""
	t.running, t.tried, t.calls, t.err, t.offset = "", "", nil, nil, 0
	return t
}

func (t tryItemModel) busy() bool { return t.running != "" }

func (t tryItemModel) help(env stepEnv) []key.Binding {
	k := env.keys
	if t.tried != "" {
		return []key.Binding{withHelp(k.UpDown, "scroll"), k.PageDown, k.PageUp, k.CodeLang, withHelp(k.CopyCurl, "copy code"),
			withHelp(k.Retry, "call again"), withHelp(k.Back, "calls")}
	}
	if t.running != "" {
		return []key.Binding{withHelp(k.Back, "stop")}
	}
	return []key.Binding{withHelp(k.UpDown, "choose"), withHelp(k.Enter, "make the call"), withHelp(k.Back, "results")}
}
