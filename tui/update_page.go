package tui

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// updatePage is Link in update mode on the local page, as the steps after the hand-off that
// need it drive it (the repair, the deposit code): opened on the step's update-mode
// link_token, waited for, and closed; o and c reach it while it waits. The step embeds it.
type updatePage struct {
	ctx         context.Context // the step's operation
	start       startSessionFunc
	page        linkserver.Options
	session     linkSession // the page, while it waits
	publicToken string      // what Link handed back (never exchanged: the Item keeps its access_token)
}

// openPage starts the page on the update-mode link_token for step s.
func (u updatePage) openPage(token string, s step, op int) tea.Cmd {
	page := u.page
	page.LinkToken = token
	return startUpdatePageCmd(u.ctx, u.start, page, s, op)
}

// pageOpened keeps the page, opens the browser on it and waits for Link; a page of an older
// operation is closed.
func (u *updatePage) pageOpened(msg repairPageOpenedMsg, env stepEnv) tea.Cmd {
	if msg.op != env.op {
		return closeSessionCmd(msg.session)
	}
	u.session = msg.session
	return tea.Batch(env.openBrowser(msg.session.URL()), waitRepairLinkCmd(u.ctx, msg.session, env.op))
}

// linkEnded takes Link's end: the public_token it handed back is kept, or the error says why
// there is none (closedEarly: Link closed without finishing).
func (u *updatePage) linkEnded(msg repairLinkEndedMsg, closedEarly string) error {
	u.session = nil
	token, err := msg.outcome.PublicToken, msg.err
	if err == nil && token == "" {
		err = errors.New(closedEarly)
		if e := msg.outcome.ExitError; e != nil {
			err = plaidflow.LinkExitError("Link in update mode", e.ErrorType, e.ErrorCode, e.ErrorMessage, e.DisplayMessage, msg.outcome.RequestID)
		}
	}
	if err == nil {
		u.publicToken = token
	}
	return err
}

// pageKey takes o (open the browser again) and c (copy the URL) while the page waits.
func (u updatePage) pageKey(km tea.KeyMsg, env stepEnv) (tea.Cmd, bool) {
	switch {
	case u.session == nil:
		return nil, false
	case key.Matches(km, env.keys.Reopen):
		return env.openBrowser(u.session.URL()), true
	case key.Matches(km, env.keys.CopyURL):
		return env.copy(u.session.URL(), "update-mode Link URL"), true
	}
	return nil, false
}

// pageHelp is the help while the page waits.
func (u updatePage) pageHelp(env stepEnv) []key.Binding {
	k := env.keys
	return []key.Binding{withHelp(k.Reopen, "open Link again"), withHelp(k.CopyURL, "copy URL"), withHelp(k.Back, "cancel")}
}
