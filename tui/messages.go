package tui

import (
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// Every message that ends an operation carries the operation's number (op): when the user
// goes back or cancels, the model moves on to a new number and late answers are ignored.
// Messages from API work also carry a snapshot of the API log, so View never reads the log.

// apiSnapshot is the API log as it was when a command finished.
type apiSnapshot struct{ calls []plaidflow.Call }

func (s apiSnapshot) apiCalls() []plaidflow.Call { return s.calls }

type apiLogged interface{ apiCalls() []plaidflow.Call }

type linkTokenCreatedMsg struct {
	op    int
	token plaidflow.LinkToken
	apiSnapshot
}

// stepFailedMsg is any failed operation: an API error, a server that did not start.
type stepFailedMsg struct {
	op   int
	step step
	err  error
	apiSnapshot
}

type linkServerStartedMsg struct {
	op      int
	session linkSession
}

type linkEventReceivedMsg struct {
	op     int
	event  linkserver.Event
	events <-chan linkserver.Event // listened to again for the next event
}

type linkEventsEndedMsg struct{ op int }

type linkFinishedMsg struct {
	op      int
	outcome linkserver.Outcome
	err     error
}

type browserOpenedMsg struct {
	url string
	err error
}

type publicTokenCreatedMsg struct {
	op          int
	publicToken string
	apiSnapshot
}

type hostedLinkPolledMsg struct {
	op     int
	result plaidflow.LinkSessionResult
	apiSnapshot
}

type hostedLinkPollDueMsg struct{ op int }

type itemExchangedMsg struct {
	op       int
	item     plaidflow.Item
	accounts plaidflow.ItemAccounts
	apiSnapshot
}

type progressReportedMsg struct {
	op       int
	progress plaidflow.Progress
	next     <-chan any // the rest of the partner step's messages
}

type partnerTokenCreatedMsg struct {
	op     int
	result plaidflow.PartnerResult
	apiSnapshot
}

type clipboardCopiedMsg struct {
	what string
	err  error
}

type sessionClosedMsg struct{}

type sessionSavedMsg struct {
	paths []string
	ids   []savedID // the id each record was saved under, in the order of Result.Sessions
	err   error
	mark  savedMark // what the saved session covered
}
