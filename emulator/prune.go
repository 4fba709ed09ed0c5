package emulator

import "time"

// A standalone `plaidwalk emulator` may run for days behind a developer's integration; without
// pruning, every link_token, public_token and Link session it ever issued would stay in memory.
// Dropping them is invisible to clients: an unknown token and an expired or spent one already
// get the same error. Link tokens are kept a day past expiry because /link/token/get still
// reads an expired token's results; Items and the tokens made from them live until
// /item/remove, as at Plaid.
const (
	expiredLinkTokenRetention = 24 * time.Hour
	pruneInterval             = time.Minute
)

// pruneLocked drops expired state at most once per pruneInterval of the emulator's clock.
// The link_tokens it drops wait in e.prunedLinkTokens until takePrunedLinkTokens: their Link
// sessions are pruned once e.mu is released, as the Link side's lock is never taken inside it.
func (e *Emulator) pruneLocked() {
	now := e.now()
	if now.Before(e.nextPrune) {
		return
	}
	e.nextPrune = now.Add(pruneInterval)
	for tok, lt := range e.linkTokens {
		if now.Sub(lt.expires) > expiredLinkTokenRetention {
			delete(e.linkTokens, tok)
			e.saveLinkTokenLocked(tok, nil)
			e.prunedLinkTokens = append(e.prunedLinkTokens, tok)
		}
	}
	for tok, pt := range e.publicTokens {
		if pt.used || !now.Before(pt.expires) {
			delete(e.publicTokens, tok)
			e.savePublicTokenLocked(tok, nil)
		}
	}
}

// takePrunedLinkTokens hands over the link_tokens pruned since the last call. Callers hold e.mu.
func (e *Emulator) takePrunedLinkTokens() []string {
	dropped := e.prunedLinkTokens
	e.prunedLinkTokens = nil
	return dropped
}

// pruneLinkSessions forgets the Link sessions (and their OAuth trips) opened with the given
// link_tokens.
func (e *Emulator) pruneLinkSessions(linkTokens []string) {
	if len(linkTokens) == 0 {
		return
	}
	gone := make(map[string]bool, len(linkTokens))
	for _, tok := range linkTokens {
		gone[tok] = true
	}
	f := e.links()
	f.mu.Lock()
	defer f.mu.Unlock()
	for id, s := range f.sessions {
		if gone[s.Token.Token] {
			delete(f.sessions, id)
		}
	}
	for id, st := range f.oauth {
		if _, live := f.sessions[st.SessionID]; !live {
			delete(f.oauth, id)
		}
	}
}
