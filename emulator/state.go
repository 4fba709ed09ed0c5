package emulator

import "time"

// Lifetimes Plaid gives its tokens.
const (
	linkTokenLifetime           = 4 * time.Hour
	updateModeLinkTokenLifetime = 30 * time.Minute
	hostedLinkTokenLifetime     = 30 * time.Minute
	publicTokenLifetime         = 30 * time.Minute
)

// linkTokenState is a link_token and what was asked for when it was created.
type linkTokenState struct {
	view      linkTokenView
	created   time.Time
	expires   time.Time
	webhook   string
	hostedURL string
	results   []recordedResult
}

// recordedResult is a finished Link session with when it was recorded.
type recordedResult struct {
	linkResult
	finished time.Time
}

// publicTokenState is a public_token: it names an Item and can be exchanged once.
type publicTokenState struct {
	itemID  string
	expires time.Time
	used    bool
}

// item is a connected login at an institution. Its accounts are derived from its id and login
// when read (item_seed.go); it keeps only what differs from one Item to the next.
type item struct {
	id            string       // random; the seed of its account ids
	institution   *Institution // an entry of the static table, never written
	custom        *customUser  // user_custom's configuration; nil for user_good
	shared        []uint16     // indexes of the accounts shared in Link; nil: every account
	products      []string     // the institution's own strings (internProducts)
	webhook       string
	access        tokenKey // the access_token's key; zero until the first exchange
	loginRequired bool
	codeTries     uint8  // wrong deposit codes typed so far (auth_manual.go); in loginRequired's padding
	verification  string // Auth's verification_status of its accounts (auth_verify.go); "": verified by login
	created       time.Time
	lastWebhook   *sentWebhook // the last webhook fired for the Item (/item/get's status); nil until one is
	synced        bool         // /transactions/sync was called on it: readiness and a refresh's changes also send SYNC_UPDATES_AVAILABLE
	// dyn is what user_transactions_dynamic's Item keeps (transactions_dynamic.go); nil for
	// every other login. One pointer keeps the struct in its 192-byte size class.
	dyn *dynamicTxns
	// statementsWindow is the dates the Item's statements were extracted for (statements.go);
	// zero without the statements product.
	statementsWindow stmtWindow
}

// tokenGrant is what a processor or Stripe token stands for: an account by its index in the
// Item's login, whose id is derived from the Item's id.
type tokenGrant struct {
	itemID    string
	account   uint16
	processor string
}

// relayGrant is a relay token handed to a third party for some asset reports.
type relayGrant struct {
	reportTokens      []string
	secondaryClientID string
}

// itemByAccessToken finds the live Item of an access_token. Callers hold e.mu.
func (e *Emulator) itemByAccessToken(token string) (*item, *apiError) {
	if !tokenShape("access", token) {
		return nil, invalidInput("INVALID_ACCESS_TOKEN",
			"provided access token is in an invalid format. expected format: access-<environment>-<identifier>")
	}
	k, ok := e.parseToken("access", token)
	it := e.accessTokens[k]
	if !ok || it == nil {
		return nil, invalidInput("INVALID_ACCESS_TOKEN",
			"could not find matching access token; it may belong to another client or to a removed item")
	}
	return it, nil
}

// usableItem is itemByAccessToken for calls that read data from the bank: an Item that needs
// its user to log in again answers ITEM_LOGIN_REQUIRED.
func (e *Emulator) usableItem(token string) (*item, *apiError) {
	it, perr := e.itemByAccessToken(token)
	if perr != nil {
		return nil, perr
	}
	if it.loginRequired {
		return nil, itemLoginRequired()
	}
	return it, nil
}

func findAccount(accounts []account, id string) (account, bool) {
	for _, a := range accounts {
		if a.id == id {
			return a, true
		}
	}
	return account{}, false
}

// selectAccounts picks the accounts named by ids (all when ids is empty), refusing ids of no
// account of the Item; their form was checked with checkAccountIDs before the token was read.
func (it *item) selectAccounts(ids []string) ([]account, *apiError) {
	if len(ids) == 0 {
		return it.accounts(), nil
	}
	all := it.accounts()
	out := make([]account, 0, len(ids))
	for _, id := range ids {
		a, ok := findAccount(all, id)
		if !ok {
			return nil, invalidAccountID()
		}
		out = append(out, a)
	}
	return out, nil
}

func invalidAccountID() *apiError {
	return invalidInput("INVALID_ACCOUNT_ID",
		"one or more of the account IDs is invalid or does not belong to this item")
}
