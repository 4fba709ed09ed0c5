package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/table"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// Step 5: exchange the public_token, read the Item's accounts, and pick the one the partner
// gets. Every account is listed; the ones the partner cannot use say why.

type exchangeModel struct {
	loading  bool
	table    table.Model
	accounts []plaidflow.Account
	reasons  []string // "" when eligible
	w, h     int
}

func (m Model) runExchange() (tea.Model, tea.Cmd) {
	ctx, op := m.newOp()
	m.exchange.loading = true
	var cmd tea.Cmd
	if m.walk.item.AccessToken != "" && m.walk.exchanged == m.walk.publicToken {
		cmd = accountsCmd(ctx, m.deps.Client, m.deps.Log, m.walk.item, op)
	} else {
		cmd = exchangeCmd(ctx, m.deps.Client, m.deps.Log, m.walk.publicToken, op)
	}
	return m, tea.Batch(cmd, m.startSpinner())
}

func (m Model) itemExchanged(msg itemExchangedMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op {
		return m, nil
	}
	m.adoptItem(msg.item)
	m.walk.accounts, m.walk.exchanged = msg.accounts, m.walk.publicToken
	return m.transition(itemReadMsg{})
}

// adoptItem makes item the walk's Item. A new Item (a new public_token was exchanged) starts
// a new walk: the tokens made on the old Item belong to it, so they leave the results and the
// summary (their sessions are still saved), and "another partner" no longer applies.
func (m *Model) adoptItem(item plaidflow.Item) {
	if item.AccessToken != m.walk.item.AccessToken && len(m.walk.runs) > 0 {
		s := &m.walk.session
		for _, run := range m.walk.runs {
			s.earlier = append(s.earlier, run.session)
		}
		m.walk.runs = nil
		m.walk.account = plaidflow.Account{}
		m.results = resultsModel{}
	}
	if item.AccessToken != m.walk.item.AccessToken {
		m.walk.reuseItem = false
	}
	if item.AccessToken != m.walk.item.AccessToken || len(m.walk.runs) == 0 {
		// The attempts since the last token made are this Item's. The same Item read again
		// after a token keeps its own: those attempts are the partners'.
		m.walk.session.itemMade()
	}
	m.walk.item = item
}

// showAccounts opens the picker for the current partner on the Item's accounts.
func (m Model) showAccounts() (tea.Model, tea.Cmd) {
	m.exchange = newExchangeModel(m.walk.accounts.Accounts, m.walk.partner, m.linkChosenIDs(), m.st)
	m.exchange.setSize(m.width, m.bodyHeight())
	return m, nil
}

// linkChosenIDs are the accounts to put the cursor on, best first: on a reused Item the one
// used last, then the ones Link's user selected.
func (m Model) linkChosenIDs() []string {
	var ids []string
	if m.walk.reuseItem && m.walk.account.ID != "" {
		ids = append(ids, m.walk.account.ID)
	}
	for _, a := range m.walk.linkMeta.Accounts {
		ids = append(ids, a.ID)
	}
	return ids
}

func newExchangeModel(accts []plaidflow.Account, p plaidflow.Partner, preferred []string, st styles) exchangeModel {
	e := exchangeModel{accounts: accts, reasons: make([]string, len(accts))}
	rows := make([]table.Row, len(accts))
	for i, a := range accts {
		ok, why := plaidflow.Eligible(p, a)
		mark := "✓"
		if !ok {
			mark, e.reasons[i] = "✗", why
			if why == "" {
				e.reasons[i] = "not accepted by " + p.Name
			}
		}
		note := noteText(ok, e.reasons[i])
		if ok && a.Verification != "" {
			// A micro-deposit account: the partner's token can be made, its numbers may not be
			// ready. The word is short to fit the column; the API log has the whole status.
			note += " · " + verificationWord(a.Verification)
		}
		rows[i] = table.Row{" " + mark, oneLine(a.Name), oneLine(a.Mask), oneLine(a.Type + "/" + a.Subtype),
			balanceText(a), note}
	}
	t := table.New(table.WithColumns(accountColumns(80, rows)), table.WithRows(rows), table.WithFocused(true))
	ts := table.DefaultStyles()
	ts.Selected = st.selected
	ts.Header = ts.Header.Bold(true)
	t.SetStyles(ts)
	e.table = t
	e.table.SetCursor(e.pick(preferred))
	e.markCursor()
	return e
}

// markCursor writes > in the cursor's row: the table's highlight is only a colour, which
// NO_COLOR and monochrome terminals do not show.
func (e *exchangeModel) markCursor() {
	rows := e.table.Rows()
	cur := e.table.Cursor()
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		mark := " "
		if i == cur {
			mark = ">"
		}
		if first := []rune(r[0]); string(first[0]) != mark {
			r = append(table.Row(nil), r...)
			r[0], rows[i] = mark+string(first[1:]), r
		}
	}
	e.table.SetRows(rows)
}

// pick is the partner's choice: the first eligible account Link's user selected, else the
// first eligible one, else the first.
func (e exchangeModel) pick(preferred []string) int {
	for _, id := range preferred {
		for i, a := range e.accounts {
			if a.ID == id && e.reasons[i] == "" {
				return i
			}
		}
	}
	for i := range e.accounts {
		if e.reasons[i] == "" {
			return i
		}
	}
	return 0
}

func balanceText(a plaidflow.Account) string {
	f := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return fmt.Sprintf("%.2f", *v)
	}
	return f(a.Available) + "/" + f(a.Current)
}

// verificationWord is a short word for Auth's verification_status of an account.
func verificationWord(status string) string {
	switch {
	case strings.HasPrefix(status, "pending"):
		return "pending"
	case strings.HasSuffix(status, "_verified"):
		return "verified"
	}
	return oneLine(status)
}

func noteText(ok bool, why string) string {
	if ok {
		return "yes"
	}
	return "no: " + oneLine(why)
}

func (e *exchangeModel) setSize(w, h int) {
	e.w, e.h = w, h
	rows := e.table.Rows()
	for i := range rows { // measure with the whole reasons, then fit them
		if i < len(e.reasons) && e.reasons[i] != "" && len(rows[i]) > 5 {
			rows[i][5] = noteText(false, e.reasons[i])
		}
	}
	cols := accountColumns(w, rows)
	for i := range rows { // a cut reason reads "no: Dwo…": say where the whole one is instead
		if i < len(e.reasons) && e.reasons[i] != "" && len(rows[i]) > 5 && ansi.StringWidth(rows[i][5]) > cols[5].Width {
			rows[i][5] = "no"
			if cols[5].Width >= len("no (why ↓)") {
				rows[i][5] = "no (why ↓)"
			}
		}
	}
	e.table.SetRows(rows)
	e.table.SetColumns(cols)
	e.table.SetHeight(max(h-6, 3))
	e.table.SetWidth(w)
}

// update moves in the account table; Enter on an account the partner can use finishes
// with accountChosenMsg.
func (e exchangeModel) update(msg tea.Msg, env stepEnv) (exchangeModel, tea.Cmd, tea.Msg) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || e.loading || len(e.accounts) == 0 {
		return e, nil, nil
	}
	if key.Matches(km, env.keys.Enter) {
		i := e.table.Cursor()
		if why := e.reasons[i]; why != "" {
			// The reason in full is below the table; a one-line notice would cut it.
			return e, nil, noticeRaisedMsg{shortName(env.walk.partner) + " cannot use " + oneLine(e.accounts[i].Name) + " (why: below the table); pick a ✓ account."}
		}
		return e, nil, accountChosenMsg{account: e.accounts[i]}
	}
	var cmd tea.Cmd
	e.table, cmd = e.table.Update(km)
	e.markCursor()
	return e, cmd, nil
}

// back stops the exchange (the root cancels the call).
func (e exchangeModel) back() exchangeModel {
	e.loading = false
	return e
}

func (e exchangeModel) busy() bool { return e.loading }

func (e exchangeModel) help(env stepEnv) []key.Binding {
	k := env.keys
	return join([]key.Binding{withHelp(k.Enter, "use account"), k.UpDown, k.Back}, env.saveKey())
}

func (e exchangeModel) view(env stepEnv) string {
	st, w := env.st, env.width
	if e.loading {
		return env.spin + " Exchanging the public_token (/item/public_token/exchange, /accounts/get) …"
	}
	a := env.walk.accounts
	var b strings.Builder
	b.WriteString(st.lbl("item_id") + oneLine(a.ItemID) + "\n")
	inst := a.InstitutionName
	if a.InstitutionID != "" {
		inst += " (" + a.InstitutionID + ")"
	}
	b.WriteString(st.lbl("institution") + oneLine(inst) + "\n")
	if p := env.walk.partner; p.Flow == plaidflow.FlowCreditRelay {
		// An Asset Report covers every account of the Item: the pick is not sent to Plaid.
		b.WriteString(st.bold.Render(p.Name+"'s Asset Report covers the whole Item") + "\n")
		b.WriteString(st.subtle.Render(wrapTo("Every account below goes into the report; the one picked is only noted in the session. Enter goes on.", w, 0)) + "\n")
	} else {
		b.WriteString(st.bold.Render("Choose the account for "+p.Name) + "\n")
	}
	b.WriteString(e.table.View() + "\n")
	if i := e.table.Cursor(); i < len(e.reasons) && e.reasons[i] != "" {
		b.WriteString(st.warn.Render(wrapTo("Not eligible: "+oneLine(e.reasons[i]), w, 0)))
	}
	return b.String()
}

// accountColumns fit the table to the width and to what the rows hold: balances are never
// cut while there is room; the eligibility note gives way first (the full reason of the row
// under the cursor is shown below the table), then the account name. The first column holds
// the cursor's > and the eligibility mark.
func accountColumns(w int, rows []table.Row) []table.Column {
	widths := []int{2, len("Account"), len("Mask"), len("Type/subtype"), len("Avail/current"), len("Eligible")}
	for _, r := range rows {
		for i := 1; i < len(r) && i < len(widths); i++ {
			widths[i] = max(widths[i], ansi.StringWidth(r[i]))
		}
	}
	widths[1] = min(widths[1], 24)
	const padding = 2 * 6 // the table pads every cell by one space each side
	over := func() int {
		sum := padding
		for _, n := range widths {
			sum += n
		}
		return sum - w
	}
	if o := over(); o > 0 {
		widths[5] = max(widths[5]-o, 8)
	}
	// Then the name and the type share the cut, down to 16 cells each, then 10.
	for _, floor := range []int{16, 10} {
		for _, col := range []int{1, 3} {
			if o := over(); o > 0 {
				widths[col] = max(widths[col]-o, min(widths[col], floor))
			}
		}
	}
	return []table.Column{
		{Title: " ", Width: widths[0]}, {Title: "Account", Width: widths[1]}, {Title: "Mask", Width: widths[2]},
		{Title: "Type/subtype", Width: widths[3]}, {Title: "Avail/current", Width: widths[4]}, {Title: "Eligible", Width: widths[5]},
	}
}
