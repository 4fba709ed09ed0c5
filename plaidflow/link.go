package plaidflow

import (
	"context"
	"encoding/json"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// DefaultLinkTimeout is how long plaidwalk waits for Link in the browser, in `run` and the
// terminal UI alike: long enough for a real bank's login with MFA, short enough that a
// forgotten tab does not keep the local server up for hours.
const DefaultLinkTimeout = 30 * time.Minute

// LinkConfig is what /link/token/create is called with.
type LinkConfig struct {
	Products          []string
	CountryCodes      []string
	Language          string
	ClientName        string
	UserID            string
	RedirectURI       string
	Webhook           string
	AccountFilters    map[string][]string // depository -> [checking savings]
	LinkCustomization string              // link_customization_name; "multi_select" asks the emulator for multi-account select
	HostedLink        bool
	// The auth object's flows that are off unless asked for: Same-Day Micro-deposits ("Link
	// with account numbers") and Instant Micro-deposits (AuthFlow.LinkWith sets them).
	SameDayMicrodeposits bool
	InstantMicrodeposits bool
}

// LinkToken is a created link_token.
type LinkToken struct {
	Token         string
	Expiration    time.Time
	RequestID     string
	HostedLinkURL string
}

// CreateLinkToken calls /link/token/create. Not retried: each call makes a new token.
func (c *Client) CreateLinkToken(ctx context.Context, lc LinkConfig) (LinkToken, error) {
	req, err := linkTokenRequest(lc)
	if err != nil {
		return LinkToken{}, err
	}
	resp, httpResp, err := c.api.LinkTokenCreate(ctx).LinkTokenCreateRequest(req).Execute()
	if err != nil {
		return LinkToken{}, toError("/link/token/create", httpResp, err)
	}
	return LinkToken{Token: resp.LinkToken, Expiration: resp.Expiration, RequestID: resp.RequestId,
		HostedLinkURL: resp.GetHostedLinkUrl()}, nil
}

func linkTokenRequest(lc LinkConfig) (plaid.LinkTokenCreateRequest, error) {
	lc = lc.withDefaults() // a hand-made or replayed LinkConfig may leave a required field empty
	countries := make([]plaid.CountryCode, len(lc.CountryCodes))
	for i, cc := range lc.CountryCodes {
		countries[i] = plaid.CountryCode(cc)
	}
	req := plaid.NewLinkTokenCreateRequest(lc.ClientName, lc.Language, countries)
	// v43 made user optional in the model (Plaid accepts user_id instead); plaidwalk always
	// sends user.client_user_id, which every Plaid version takes.
	req.SetUser(*plaid.NewLinkTokenCreateRequestUser(lc.UserID))
	req.SetProducts(toProducts(lc.Products))
	if lc.RedirectURI != "" {
		req.SetRedirectUri(lc.RedirectURI)
	}
	if lc.Webhook != "" {
		req.SetWebhook(lc.Webhook)
	}
	if lc.LinkCustomization != "" {
		req.SetLinkCustomizationName(lc.LinkCustomization)
	}
	if lc.HostedLink {
		req.SetHostedLink(plaid.LinkTokenCreateHostedLink{})
	}
	if lc.SameDayMicrodeposits || lc.InstantMicrodeposits {
		auth := plaid.NewLinkTokenCreateRequestAuth()
		if lc.SameDayMicrodeposits {
			auth.SetSameDayMicrodepositsEnabled(true)
		}
		if lc.InstantMicrodeposits {
			auth.SetInstantMicrodepositsEnabled(true)
		}
		req.SetAuth(*auth)
	}
	if len(lc.AccountFilters) > 0 {
		filters, err := accountFilters(lc.AccountFilters)
		if err != nil {
			return plaid.LinkTokenCreateRequest{}, err
		}
		req.SetAccountFilters(filters)
	}
	return *req, nil
}

// accountFilters converts type -> subtypes into plaid-go's filter model; an empty subtype
// list means every subtype of that type.
func accountFilters(m map[string][]string) (plaid.LinkTokenAccountFilters, error) {
	raw := map[string]map[string][]string{}
	for typ, subs := range m {
		if len(subs) == 0 {
			subs = []string{"all"}
		}
		raw[typ] = map[string][]string{"account_subtypes": subs}
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return plaid.LinkTokenAccountFilters{}, err
	}
	var f plaid.LinkTokenAccountFilters
	err = json.Unmarshal(data, &f)
	return f, err
}

func toProducts(ps []string) []plaid.Products {
	out := make([]plaid.Products, len(ps))
	for i, p := range ps {
		out[i] = plaid.Products(p)
	}
	return out
}

// LinkSessionResult is a finished Link session read from /link/token/get (Hosted Link).
type LinkSessionResult struct {
	Done        bool
	PublicToken string
	ExitError   *PlaidError
}

// LinkTokenResult reads /link/token/get and reports the first finished session, if any.
func (c *Client) LinkTokenResult(ctx context.Context, linkToken string) (LinkSessionResult, error) {
	var resp linkTokenSessions
	if err := c.readInto(ctx, "/link/token/get", plaid.NewLinkTokenGetRequest(linkToken), &resp); err != nil {
		return LinkSessionResult{}, err
	}
	for _, s := range resp.LinkSessions {
		if r, ok := s.result(); ok {
			return r, nil
		}
	}
	return LinkSessionResult{}, nil
}

// linkTokenSessions is the part of /link/token/get's answer LinkTokenResult reads: decoding
// the whole of plaid-go's LinkTokenGetResponse links its large model tree for three fields.
type linkTokenSessions struct {
	LinkSessions []linkSession `json:"link_sessions"`
}

type linkSession struct {
	OnSuccess *publicTokenField `json:"on_success"`
	Results   *struct {
		ItemAddResults []publicTokenField `json:"item_add_results"`
	} `json:"results"`
	OnExit *struct {
		Error *struct {
			ErrorType      string `json:"error_type"`
			ErrorCode      string `json:"error_code"`
			ErrorMessage   string `json:"error_message"`
			DisplayMessage string `json:"display_message"`
			RequestID      string `json:"request_id"`
		} `json:"error"`
	} `json:"on_exit"`
}

type publicTokenField struct {
	PublicToken string `json:"public_token"`
}

func (s linkSession) result() (LinkSessionResult, bool) {
	if s.OnSuccess != nil && s.OnSuccess.PublicToken != "" {
		return LinkSessionResult{Done: true, PublicToken: s.OnSuccess.PublicToken}, true
	}
	// Current API versions put the token under results.item_add_results instead.
	if s.Results != nil {
		for _, add := range s.Results.ItemAddResults {
			if add.PublicToken != "" {
				return LinkSessionResult{Done: true, PublicToken: add.PublicToken}, true
			}
		}
	}
	if s.OnExit != nil {
		r := LinkSessionResult{Done: true}
		if pe := s.OnExit.Error; pe != nil && pe.ErrorCode != "" {
			r.ExitError = LinkExitError("", pe.ErrorType, pe.ErrorCode, pe.ErrorMessage, pe.DisplayMessage, pe.RequestID)
		}
		return r, true
	}
	return LinkSessionResult{}, false
}

// SandboxPublicToken calls /sandbox/public_token/create: an Item without Link (the sandbox
// shortcut). Not retried: each call makes a new Item.
func (c *Client) SandboxPublicToken(ctx context.Context, institutionID string, products []string, username, password string) (string, error) {
	req := plaid.NewSandboxPublicTokenCreateRequest(institutionID, toProducts(products))
	opts := plaid.SandboxPublicTokenCreateRequestOptions{}
	if username != "" {
		opts.SetOverrideUsername(username)
	}
	if password != "" {
		opts.SetOverridePassword(password)
	}
	if c.Webhooks.URL != "" {
		opts.SetWebhook(c.Webhooks.URL)
	}
	req.SetOptions(opts)
	resp, httpResp, err := c.api.SandboxPublicTokenCreate(ctx).SandboxPublicTokenCreateRequest(*req).Execute()
	if err != nil {
		return "", withShortcutHint(toError("/sandbox/public_token/create", httpResp, err), institutionID, username, password)
	}
	return resp.PublicToken, nil
}

// partnerFilters copies a partner's accepted account types as Link account_filters, so that
// editing a LinkConfig never edits the catalog.
func partnerFilters(p Partner) map[string][]string {
	if len(p.AccountTypes) == 0 {
		return nil
	}
	f := make(map[string][]string, len(p.AccountTypes))
	for typ, subtypes := range p.AccountTypes {
		f[typ] = append([]string(nil), subtypes...)
	}
	return f
}
