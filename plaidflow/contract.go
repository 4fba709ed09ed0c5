package plaidflow

// CONTRACT (skeleton): the types and signatures the TUI, the commands and the sessions code
// are written against. The plaidflow work implements them and may add to them; changing or
// removing one needs a strong reason, because other packages are written against it.
// This comment goes away once the package is built.

import (
	"context"
	"errors"
	"time"
)

var errNotBuilt = errors.New("plaidflow: not built yet")

// Env is where the API calls go.
type Env string

const (
	EnvOffline    Env = "offline"
	EnvSandbox    Env = "sandbox"
	EnvProduction Env = "production"
)

// Config is the validated configuration of one plaidwalk process. Secret is never printed.
type Config struct {
	Env          Env
	ClientID     string
	Secret       string
	BaseURL      string // empty: the environment's default host (offline: set by the caller after starting the emulator)
	Products     []string
	CountryCodes []string
	RedirectURI  string
}

// Overrides are the values given as flags; they win over the environment and .env.
type Overrides struct {
	Env, ClientID, Secret, BaseURL, Products, CountryCodes, RedirectURI string
}

// ConfigError is a configuration problem: the variable at fault and how to fix it.
type ConfigError struct {
	Variable string
	Problem  string
	Fix      string
}

func (e *ConfigError) Error() string { return e.Variable + ": " + e.Problem + " (" + e.Fix + ")" }

// LoadConfig reads flags > environment > .env in dir and validates the result.
func LoadConfig(o Overrides, getenv func(string) string, dir string) (Config, error) {
	return Config{}, errNotBuilt
}

// FlowKind is how a partner's token is made.
type FlowKind string

const (
	FlowProcessor   FlowKind = "processor"
	FlowStripe      FlowKind = "stripe"
	FlowCreditRelay FlowKind = "credit_relay"
	FlowNone        FlowKind = "none" // shown, not runnable (Prime Trust, Square)
)

// Input is an extra value a partner needs (Alloy credit's secondary_client_id, report days).
type Input struct {
	Name     string `json:"name"`
	Label    string `json:"label"`
	Default  string `json:"default,omitempty"`
	Required bool   `json:"required,omitempty"`
}

// Partner is one entry of the catalog.
type Partner struct {
	ID           string              `json:"id"`
	Name         string              `json:"name"`
	Processor    string              `json:"processor,omitempty"`
	Flow         FlowKind            `json:"flow"`
	Products     []string            `json:"products"`
	AccountTypes map[string][]string `json:"account_types"` // type -> accepted subtypes (empty list: any subtype)
	Countries    []string            `json:"countries"`
	Inputs       []Input             `json:"inputs,omitempty"`
	Description  string              `json:"description"`
	DocsURL      string              `json:"docs_url"`
	HasDocsPage  bool                `json:"has_docs_page"`
	NotRunnable  string              `json:"not_runnable,omitempty"` // why, when Flow is none
}

// Runnable reports whether plaidwalk can walk this partner's flow.
func (p Partner) Runnable() bool { return p.Flow != FlowNone && p.NotRunnable == "" }

// Catalog is the partner list, in display order.
type Catalog struct{ Partners []Partner }

// LoadCatalog parses the embedded catalog.
func LoadCatalog() (Catalog, error) { return Catalog{}, errNotBuilt }

// Find returns the partner with this id.
func (c Catalog) Find(id string) (Partner, bool) { return Partner{}, false }

// Suggest returns the ids closest to a mistyped one, best first.
func (c Catalog) Suggest(id string) []string { return nil }

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
}

// DefaultLinkConfig is a working LinkConfig for a partner under a Config.
func DefaultLinkConfig(cfg Config, p Partner) LinkConfig { return LinkConfig{} }

// LinkToken is a created link_token.
type LinkToken struct {
	Token         string
	Expiration    time.Time
	RequestID     string
	HostedLinkURL string
}

// Item is an exchanged Item.
type Item struct {
	AccessToken string
	ItemID      string
	RequestID   string
}

// Account is one account of an Item, as /accounts/get returns it.
type Account struct {
	ID        string
	Name      string
	Mask      string
	Type      string
	Subtype   string
	Available *float64
	Current   *float64
	Limit     *float64
	Currency  string
}

// ItemAccounts is /accounts/get together with /item/get.
type ItemAccounts struct {
	ItemID          string
	InstitutionID   string
	InstitutionName string
	Accounts        []Account
}

// Eligible says whether a partner accepts an account, and why not.
func Eligible(p Partner, a Account) (ok bool, reason string) { return false, "not built" }

// PartnerInputs are the values for a partner's extra inputs, by Input.Name.
type PartnerInputs map[string]string

// Progress reports a slow step (asset report polling).
type Progress struct {
	Step    string // e.g. "asset_report"
	Attempt int
	Message string
}

// TokenKind names a partner token.
type TokenKind string

const (
	TokenProcessor      TokenKind = "processor_token"
	TokenStripeBankAcct TokenKind = "stripe_bank_account_token"
	TokenAssetReport    TokenKind = "asset_report_token"
	TokenRelay          TokenKind = "relay_token"
)

// Token is one token a flow produced.
type Token struct {
	Kind      TokenKind
	Value     string
	RequestID string
}

// PartnerResult is what the partner step produced (a relay flow yields two tokens).
type PartnerResult struct {
	Tokens        []Token
	AssetReportID string
}

// LinkSessionResult is a finished Link session read from /link/token/get (Hosted Link).
type LinkSessionResult struct {
	Done        bool
	PublicToken string
	ExitError   *PlaidError
}

// PlaidError is a Plaid API error with our hint for the common ones.
type PlaidError struct {
	Status         int
	Type           string
	Code           string
	Message        string
	DisplayMessage string
	RequestID      string
	DocsURL        string
	Hint           string
	Endpoint       string
}

func (e *PlaidError) Error() string { return e.Type + " / " + e.Code + ": " + e.Message }

// Client runs the API steps through plaid-go, recording every call in the API log.
type Client struct{}

// NewClient makes a Client for a validated Config (BaseURL must be set for offline).
func NewClient(cfg Config, log *APILog) *Client { return &Client{} }

func (c *Client) CreateLinkToken(ctx context.Context, lc LinkConfig) (LinkToken, error) {
	return LinkToken{}, errNotBuilt
}
func (c *Client) LinkTokenResult(ctx context.Context, linkToken string) (LinkSessionResult, error) {
	return LinkSessionResult{}, errNotBuilt
}
func (c *Client) SandboxPublicToken(ctx context.Context, institutionID string, products []string, username, password string) (string, error) {
	return "", errNotBuilt
}
func (c *Client) Exchange(ctx context.Context, publicToken string) (Item, error) {
	return Item{}, errNotBuilt
}
func (c *Client) Accounts(ctx context.Context, accessToken string) (ItemAccounts, error) {
	return ItemAccounts{}, errNotBuilt
}
func (c *Client) PartnerToken(ctx context.Context, p Partner, accessToken, accountID string, in PartnerInputs, progress func(Progress)) (PartnerResult, error) {
	return PartnerResult{}, errNotBuilt
}

// Call is one recorded API call; bodies are redacted (no secret, no whole token).
type Call struct {
	Time         time.Time
	Method       string
	Path         string
	Status       int
	Latency      time.Duration
	RequestID    string
	ErrorCode    string
	RequestBody  string
	ResponseBody string
}

// APILog records every API call; safe for concurrent use.
type APILog struct{}

func NewAPILog() *APILog        { return &APILog{} }
func (l *APILog) Calls() []Call { return nil }

// Mask shows the shape of a token without its value: "access-sandbox-…1a2b".
func Mask(token string) string { return "…" }

// CurlFor renders a recorded call as a curl command against baseURL, keys as $PLAID_CLIENT_ID
// and $PLAID_SECRET placeholders.
func CurlFor(baseURL string, c Call) string { return "" }

// WalkOptions are the inputs of a headless walk (the `run` command, replays, benchmarks).
type WalkOptions struct {
	Link          LinkConfig
	InstitutionID string // sandbox shortcut institution, default ins_109508
	Username      string // default user_good
	Password      string // default pass_good
	PublicToken   string // set when Link already ran (browser mode): skips the shortcut
	Account       string // account id, mask or name; empty: first eligible
	Inputs        PartnerInputs
	OnStep        func(step string) // called as each step starts
	OnProgress    func(Progress)
}

// WalkResult is everything a walk produced.
type WalkResult struct {
	LinkToken LinkToken
	Item      Item
	Accounts  ItemAccounts
	Account   Account
	Result    PartnerResult
}

// Walk runs a whole partner flow: link token, public token, exchange, accounts, partner token.
func Walk(ctx context.Context, c *Client, p Partner, o WalkOptions) (WalkResult, error) {
	return WalkResult{}, errNotBuilt
}
