package emulator

import (
	"sync"

	"github.com/google/uuid"
)

// linkFlow is the state of every Link session one Emulator has open: the Emulator's link
// field, so it goes with the Emulator.
//
// Lock order: linkFlow.mu before Emulator.mu. A Link step holds its session (linkFlow.mu)
// while it mints tokens or records results through the Emulator's methods, which take e.mu;
// so no code may take linkFlow.mu while holding e.mu (pruning hands the link_tokens it drops
// out of e.mu first, see prune.go).
type linkFlow struct {
	mu       sync.Mutex
	sessions map[string]*linkSession    // by link_session_id
	oauth    map[string]*linkOAuthState // by oauth_state_id
}

// linkSession is one run of the emulated Link, from open to onSuccess or onExit.
type linkSession struct {
	ID          string
	Token       linkTokenView
	Institution *Institution
	Username    string
	Password    string
	MFA         *linkMFAChallenge
	Item        *itemView
	Accounts    []accountView // the Item's accounts the link token's filters allow
	Error       *apiError     // the error the session ended on, for onExit
	Status      string        // onExit's status: where the user was
	Finished    bool
	// VerifyItemID is the Item whose deposit code the session asks for (link_auth.go).
	VerifyItemID string
	// MatchIDs are the accounts chosen at Account Select, held while Instant Match asks for
	// the numbers of one of them (link_match.go).
	MatchIDs []string
}

// linkOAuthState is one trip to the OAuth bank; its id travels in oauth_state_id.
type linkOAuthState struct {
	ID        string
	SessionID string
	Decided   bool
	Approved  bool
}

func (e *Emulator) links() *linkFlow { return &e.link }

func (f *linkFlow) newSession(view linkTokenView) *linkSession {
	s := &linkSession{ID: uuid.NewString(), Token: view, Status: ""}
	f.mu.Lock()
	if f.sessions == nil { // the zero linkFlow is ready to use
		f.sessions = map[string]*linkSession{}
	}
	f.sessions[s.ID] = s
	f.mu.Unlock()
	return s
}

// session runs fn on a live session under the flow's lock; false when the id is unknown.
func (f *linkFlow) session(id string, fn func(s *linkSession)) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	s, ok := f.sessions[id]
	if ok {
		fn(s)
	}
	return ok
}

func (f *linkFlow) newOAuth(sessionID string) string {
	st := &linkOAuthState{ID: uuid.NewString(), SessionID: sessionID}
	f.mu.Lock()
	if f.oauth == nil {
		f.oauth = map[string]*linkOAuthState{}
	}
	f.oauth[st.ID] = st
	f.mu.Unlock()
	return st.ID
}

func (f *linkFlow) oauthByID(id string) (linkOAuthState, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	st, ok := f.oauth[id]
	if !ok {
		return linkOAuthState{}, false
	}
	return *st, true
}

// decideOAuth records the user's answer at the bank once; later answers are refused.
func (f *linkFlow) decideOAuth(id string, approved bool) (linkOAuthState, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	st, ok := f.oauth[id]
	if !ok || st.Decided {
		return linkOAuthState{}, false
	}
	st.Decided, st.Approved = true, approved
	return *st, true
}

// linkAllowedAccounts keeps the accounts the link token's account_filters let Link show.
func linkAllowedAccounts(all []accountView, filters map[string][]string) []accountView {
	if len(filters) == 0 {
		return all
	}
	var out []accountView
	for _, a := range all {
		subs, ok := filters[a.Type]
		if ok && (len(subs) == 0 || linkContains(subs, "all") || linkContains(subs, a.Subtype)) {
			out = append(out, a)
		}
	}
	return out
}

// linkProductAccounts keeps the accounts the link token's products can read when each of them
// reads only some kinds of account: Link's Account Select offers investment accounts for
// investments, credit cards, student loans and mortgages for liabilities, and deposit accounts
// for statements (bank statements) and signal (ACH debits), so a quickstart linked with
// ['investments'] or ['statements'] picks an account that has holdings or statements. Any other
// product in the list leaves the accounts as they are.
func linkProductAccounts(all []accountView, products []string) []accountView {
	if len(products) == 0 {
		return all
	}
	reads := map[string]func(accountView) bool{
		"investments": func(a accountView) bool { return a.Type == "investment" },
		"liabilities": func(a accountView) bool { return liabilityKind(a.Type, a.Subtype) != "" },
		"statements":  func(a accountView) bool { return a.Type == "depository" },
		"signal":      func(a accountView) bool { return a.Type == "depository" },
	}
	for _, p := range products {
		if reads[p] == nil {
			return all
		}
	}
	var out []accountView
	for _, a := range all {
		for _, p := range products {
			if reads[p](a) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

func linkContains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
