package tui

import "github.com/charmbracelet/bubbles/key"

// keyMap holds every binding; each step shows the ones that apply in its help bar.
type keyMap struct {
	Quit, ForceQuit, Back, Help, APILog, APILogAnywhere key.Binding
	Up, Down, UpDown, PageUp, PageDown, Enter, Filter   key.Binding
	NextField, PrevField, Toggle                        key.Binding
	Retry, Reopen, CopyURL, Shortcut, Cancel            key.Binding
	Reveal, Copy, Another, Confirm, Deny, Calls         key.Binding
	CopyCurl, Save, CallDetail, CallDetailAnywhere      key.Binding
	PartnerView, CodeLang, Repair, WebhookBody          key.Binding
	GoOnPending, DepositCode, TryItem                   key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Quit:           key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Back:           key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:           key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", "more keys")),
		APILog:         key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "api log")),
		APILogAnywhere: key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", "api log")),
		Up:             key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:           key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		UpDown:         key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
		PageUp:         key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:       key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Filter:         key.NewBinding(key.WithKeys("/"), key.WithHelp("type", "filter")),
		Enter:          key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "continue")),
		NextField:      key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab/↓", "next")),
		PrevField:      key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab/↑", "previous")),
		Toggle:         key.NewBinding(key.WithKeys("left", "right", " "), key.WithHelp("←/→", "choose")),
		Retry:          key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "retry")),
		Reopen:         key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open browser")),
		CopyURL:        key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy URL")),
		Shortcut:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sandbox shortcut")),
		Cancel:         key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "cancel Link")),
		Reveal:         key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "reveal all")),
		Copy:           key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy token")),
		Another:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "another partner")),
		PartnerView:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "partner view")),
		TryItem:        key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "try the Item")),
		Repair:         key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "break & repair")),
		GoOnPending:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "go on pending")),
		DepositCode:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "type deposit code")),
		Calls:          key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "curl")),
		CopyCurl:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy curl")),
		CodeLang:       key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "code language")),
		WebhookBody:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "webhook body")),
		Save:           key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		CallDetail:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "call details")),
		// ctrl+o: d is typed into a text field.
		CallDetailAnywhere: key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "call details")),
		Confirm:            key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes, create it")),
		Deny:               key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no")),
	}
}

// KeysHelp is the text `plaidwalk --help` prints about the UI's keys.
const KeysHelp = `Keys (the help bar at the bottom shows the ones each screen takes):
  everywhere     ctrl+c quit · esc back a step (nothing entered is lost) · ctrl+l API log
                 q quit and l API log where no text field has the focus · ? (f1 in a text field) all keys
                 ctrl+s save the session (once an API call was made; shows where it went)
  API log        pgup/pgdn scroll · d (ctrl+o in a text field) one call's whole bodies: ←/→ other calls, esc closes
  partner list   type to filter by name, id or processor (a leading / is dropped) · ↑/↓ move
                 home/end/pgup/pgdn jump · enter choose
  Link options   tab/↓ and shift+tab/↑ move between fields · ←/→ change a choice · enter create the link_token
  link_token     enter open Link · v show the link_token (and a Hosted Link URL carrying it) whole
  Link           o open the browser again · c copy the URL (OSC 52) · s sandbox shortcut · x cancel
                 v show a Hosted Link URL whole (its link_token is masked until then)
  accounts       ↑/↓ move · enter create the partner token
  verification   an account waiting on micro-deposits: enter verifies it (sandbox) · s goes on pending
  results        ↑/↓ choose a token · v reveal/hide · c copy (OSC 52) · ←/→ choose the curl shown · y copy it
                 g show it as code with Plaid's library: node, python, go, ruby, java, then curl again
                 pgup/pgdn scroll · a another partner with this Item · p what the partner reads
                 t try the Item: the calls its products allow
  try the Item   ↑/↓ choose · enter make the call · then ↑/↓ pgup/pgdn scroll · g code language
                 y copy the code · r call again · esc back to the calls, then the results
  partner view   v show account numbers whole · b break the Item and repair it in Link's update mode
                 m type a Same-Day micro-deposit code in Link's update mode (an account that waits for it)
                 esc back to the results
  repair         o open update-mode Link again · c copy its URL · v show account numbers whole · esc back
  errors         r retry · esc back`
