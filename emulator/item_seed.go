package emulator

import (
	"crypto/sha256"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"github.com/google/uuid"
)

// An Item is kept for as long as the emulator runs (as at Plaid, until /item/remove), so what
// it stores is what a call or a login could change, and nothing the sandbox would give any
// Item alike. Its accounts are user_good's twelve (or a custom user's override_accounts, by
// pointer to the configuration): their ids are derived again on each read from the Item's id,
// which is random and so serves as its seed. Link's Account Select keeps indexes, not copies.

// accountIDs derives the ids of an Item's first n accounts from its id: a ChaCha8 stream keyed
// by the id's SHA-256, read as randomAlphanumerics reads crypto/rand. ChaCha8's output is fixed
// by its specification (C2SP chacha8rand), so an id never changes for the Item's life, across
// restarts and Go releases.
func accountIDs(itemID string, n int) []string {
	s := newIDStream(itemID)
	defer s.done()
	out := make([]string, n)
	for i := range out {
		out[i] = string(s.next())
	}
	return out
}

// idStream yields accountIDs' ids one by one, without allocating: lookups by id (a processor
// token's account) compare each against the one asked for and build only the one found.
// Streams are pooled: ChaCha8's assembly makes one escape to the heap, and it is 0.5 KB.
type idStream struct {
	stream rand.ChaCha8
	buf    [64]byte
	id     [37]byte
}

var idStreams = sync.Pool{New: func() any { return new(idStream) }}

// newIDStream starts the stream of seed's ids; done hands it back.
func newIDStream(seed string) *idStream {
	s := idStreams.Get().(*idStream)
	s.stream.Seed(sha256.Sum256([]byte("account-ids\x00" + seed)))
	return s
}

func (s *idStream) done() { idStreams.Put(s) }

// next is the next id, in s's own array (overwritten by the following call).
func (s *idStream) next() []byte {
	for got := 0; got < len(s.id); {
		_, _ = s.stream.Read(s.buf[:]) // never fails; all 64 bytes are drawn, used or not
		for _, c := range s.buf {
			if got == len(s.id) {
				break
			}
			if int(c) < unbiasedBelow {
				s.id[got] = alphanumerics[int(c)%len(alphanumerics)]
				got++
			}
		}
	}
	return s.id[:]
}

// accountIndexOf is the index among an Item's first n accounts of the one whose id is id.
func accountIndexOf(itemID, id string, n int) (int, bool) {
	s := newIDStream(itemID)
	defer s.done()
	for i := range n {
		if string(s.next()) == id {
			return i, true
		}
	}
	return 0, false
}

// templates are the accounts the Item's login gives, before Account Select: user_good's, or
// the custom user's (its default accounts when it names none).
func (it *item) templates() int {
	if it.institution.Manual {
		return len(manualAccounts)
	}
	if it.custom == nil {
		return len(userGoodAccounts)
	}
	if n := len(it.custom.OverrideAccounts); n > 0 {
		return n
	}
	return len(customDefaultAccounts)
}

// accountAt builds the login's account number i with its id.
func (it *item) accountAt(i int, id string) account {
	if it.institution.Manual {
		return account{id: id, index: uint16(i), accountTemplate: manualAccounts[i], verification: it.verification}
	}
	if it.custom == nil {
		return account{id: id, index: uint16(i), accountTemplate: userGoodAccounts[i], verification: it.verification}
	}
	overrides := it.custom.OverrideAccounts
	if len(overrides) == 0 {
		overrides = customDefaultAccounts
	}
	return account{id: id, index: uint16(i), accountTemplate: overrides[i].template(i), over: &overrides[i], verification: it.verification}
}

// accounts are the accounts the user shared: all of the login's, or those chosen in Link.
func (it *item) accounts() []account {
	n := it.templates()
	ids := accountIDs(it.id, n)
	if it.shared == nil {
		out := make([]account, n)
		for i := range out {
			out[i] = it.accountAt(i, ids[i])
		}
		return out
	}
	out := make([]account, 0, len(it.shared))
	for _, i := range it.shared {
		out = append(out, it.accountAt(int(i), ids[i]))
	}
	return out
}

// share limits the Item to the chosen accounts (Account Select, or update mode's choice).
func (it *item) share(chosen []account) {
	idx := make([]uint16, len(chosen))
	for i, a := range chosen {
		idx[i] = a.index
	}
	it.shared = idx
}

// sharedAt finds the shared account of index i (a processor token's account).
func (it *item) sharedAt(i uint16) (account, bool) {
	if int(i) >= it.templates() || !it.isShared(i) {
		return account{}, false
	}
	return it.accountAt(int(i), accountIDOf(it.id, i)), true
}

// isShared says whether the user shared the login's account of index i.
func (it *item) isShared(i uint16) bool {
	return it.shared == nil || slices.Contains(it.shared, i)
}

// account finds one of the Item's shared accounts by id.
func (it *item) account(id string) (account, bool) {
	i, ok := accountIndexOf(it.id, id, it.templates())
	if !ok || !it.isShared(uint16(i)) {
		return account{}, false
	}
	return it.accountAt(i, id), true
}

// accountIDOf is the id of an Item's account of index i, from the Item's id alone.
func accountIDOf(itemID string, i uint16) string {
	s := newIDStream(itemID)
	defer s.done()
	for range i {
		s.next()
	}
	return string(s.next())
}

// internProducts swaps the products decoded from a request for the institution's own strings,
// so an Item does not keep the request's bytes alive. Products were checked against the
// institution before.
func internProducts(in *Institution, products []string) []string {
	if len(products) == 0 {
		return nil
	}
	out := make([]string, len(products))
	for i, p := range products {
		out[i] = p
		for _, known := range in.Products {
			if known == p {
				out[i] = known
				break
			}
		}
	}
	return out
}

// internProcessor is internProducts for a processor name: the spec's own string when it is one
// of the spec's processors.
func internProcessor(p string) string {
	for _, known := range rProcessorTokenCreateRequestProcessor.enum {
		if known == p {
			return known
		}
	}
	return p
}

// tokenKey is the random part of a token (kind-env-uuid): maps of tokens are keyed by it, as
// the kind and environment are the same for every token of a map and of an emulator.
type tokenKey [16]byte

func newTokenKey() tokenKey { return tokenKey(uuid.New()) }

func (k tokenKey) isZero() bool { return k == tokenKey{} }

// tokenString is the token a client sees.
func (e *Emulator) tokenString(kind string, k tokenKey) string {
	return kind + "-" + e.env() + "-" + uuid.UUID(k).String()
}

// parseToken reads the key of a token of this kind and environment; a token in any other
// spelling (upper-case hex, no dashes, another environment) is no token of this emulator.
func (e *Emulator) parseToken(kind, tok string) (tokenKey, bool) {
	prefix := kind + "-" + e.env() + "-"
	if !strings.HasPrefix(tok, prefix) || !isLowerUUID(tok[len(prefix):]) {
		return tokenKey{}, false
	}
	u, err := uuid.Parse(tok[len(prefix):])
	return tokenKey(u), err == nil
}

// accessToken is the Item's access_token, "" before the first exchange.
func (e *Emulator) accessToken(it *item) string {
	if it.access.isZero() {
		return ""
	}
	return e.tokenString("access", it.access)
}

// setAccessToken gives the Item a new access_token, the old one stopping at once. Callers
// hold e.mu; k was minted before the lock.
func (e *Emulator) setAccessTokenLocked(it *item, k tokenKey) string {
	if !it.access.isZero() {
		delete(e.accessTokens, it.access)
	}
	it.access = k
	e.accessTokens[k] = it
	e.saveItemLocked(it)
	return e.accessToken(it)
}

// processorGrant finds what a processor token stands for. Callers hold e.mu.
func (e *Emulator) processorGrant(tok string) (tokenGrant, bool) {
	k, ok := e.parseToken("processor", tok)
	if !ok {
		return tokenGrant{}, false
	}
	g, ok := e.processorTokens[k]
	return g, ok
}

// accountID is the id of the account the grant names.
func (g tokenGrant) accountID() string { return accountIDOf(g.itemID, g.account) }
