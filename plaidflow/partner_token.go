package plaidflow

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/plaid/plaid-go/v43/plaid"
)

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

// InputError is a missing or bad partner input, found before any call is made.
type InputError struct {
	Partner string
	Input   Input
	Problem string
	// Unexpected is set when the partner does not take this input at all.
	Unexpected bool
}

func (e *InputError) Error() string {
	if e.Unexpected {
		return e.Partner + " does not take " + e.Input.Name + ": " + e.Problem
	}
	return e.Partner + " needs " + e.Input.Name + " (" + e.Input.Label + "): " + e.Problem
}

// ValidateInputs checks a partner's extra inputs before any call is made: a value for an
// input the partner does not take, a missing required one, or a bad number of days would
// otherwise surface only at the last step, after an Item was already made.
func ValidateInputs(p Partner, in PartnerInputs) error {
	names := make([]string, 0, len(in))
	for name := range in {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if _, ok := p.Input(name); !ok && strings.TrimSpace(in[name]) != "" {
			return &InputError{Partner: p.Name, Input: Input{Name: name, Label: name}, Unexpected: true,
				Problem: "only " + partnersTaking(name) + " use it; leave it out for " + p.Name}
		}
	}
	if p.Flow == FlowCreditRelay {
		_, _, err := relayInputs(p, in)
		return err
	}
	return nil
}

// partnersTaking names the flows that read an input, for the "does not take" message.
func partnersTaking(name string) string {
	switch name {
	case InputSecondaryClientID, InputDaysRequested:
		return "credit relay partners (alloy-credit)"
	}
	return "other partners"
}

// PartnerToken makes the partner's token for one account, dispatching on the flow kind.
// None of these calls is retried: each creates a token or a report.
func (c *Client) PartnerToken(ctx context.Context, p Partner, accessToken, accountID string, in PartnerInputs, progress func(Progress)) (PartnerResult, error) {
	switch {
	case !p.Runnable():
		return PartnerResult{}, fmt.Errorf("%s cannot be walked: %s", p.Name, p.NotRunnable)
	case p.Flow == FlowProcessor:
		return c.processorToken(ctx, p, accessToken, accountID)
	case p.Flow == FlowStripe:
		return c.stripeToken(ctx, accessToken, accountID)
	case p.Flow == FlowCreditRelay:
		return c.creditRelay(ctx, p, accessToken, in, progress)
	}
	return PartnerResult{}, fmt.Errorf("%s: unknown flow kind %q", p.Name, p.Flow)
}

func (c *Client) processorToken(ctx context.Context, p Partner, accessToken, accountID string) (PartnerResult, error) {
	req := plaid.NewProcessorTokenCreateRequest(accessToken, accountID, p.Processor)
	resp, httpResp, err := c.api.ProcessorTokenCreate(ctx).ProcessorTokenCreateRequest(*req).Execute()
	if err != nil {
		return PartnerResult{}, withPartnerHint(p, toError("/processor/token/create", httpResp, err))
	}
	return PartnerResult{Tokens: []Token{{Kind: TokenProcessor, Value: resp.ProcessorToken, RequestID: resp.RequestId}}}, nil
}

func (c *Client) stripeToken(ctx context.Context, accessToken, accountID string) (PartnerResult, error) {
	req := plaid.NewProcessorStripeBankAccountTokenCreateRequest(accessToken, accountID)
	resp, httpResp, err := c.api.ProcessorStripeBankAccountTokenCreate(ctx).ProcessorStripeBankAccountTokenCreateRequest(*req).Execute()
	if err != nil {
		return PartnerResult{}, withPartnerHint(Partner{Name: "Stripe", Products: []string{"auth"}}, toError("/processor/stripe/bank_account_token/create", httpResp, err))
	}
	return PartnerResult{Tokens: []Token{{Kind: TokenStripeBankAcct, Value: resp.StripeBankAccountToken, RequestID: resp.RequestId}}}, nil
}

// creditRelay is Alloy's credit flow: create an Asset Report, wait until Plaid has built it,
// then share it with the partner through a relay token.
func (c *Client) creditRelay(ctx context.Context, p Partner, accessToken string, in PartnerInputs, progress func(Progress)) (PartnerResult, error) {
	secondary, days, err := relayInputs(p, in)
	if err != nil {
		return PartnerResult{}, err
	}
	req := plaid.NewAssetReportCreateRequest(days)
	req.SetAccessTokens([]string{accessToken})
	if c.Webhooks.URL != "" {
		opts := plaid.NewAssetReportCreateRequestOptions()
		opts.SetWebhook(c.Webhooks.URL)
		req.SetOptions(*opts)
	}
	created, httpResp, err := c.api.AssetReportCreate(ctx).AssetReportCreateRequest(*req).Execute()
	if err != nil {
		return PartnerResult{}, toError("/asset_report/create", httpResp, err)
	}
	res := PartnerResult{AssetReportID: created.AssetReportId,
		Tokens: []Token{{Kind: TokenAssetReport, Value: created.AssetReportToken, RequestID: created.RequestId}}}
	if err := c.waitForAssetReport(ctx, created.AssetReportToken, c.reportReady(created.AssetReportId), progress); err != nil {
		return res, err
	}
	relayReq := plaid.NewCreditRelayCreateRequest([]string{created.AssetReportToken}, secondary)
	relay, httpResp, err := c.api.CreditRelayCreate(ctx).CreditRelayCreateRequest(*relayReq).Execute()
	if err != nil {
		return res, toError("/credit/relay/create", httpResp, err)
	}
	res.Tokens = append(res.Tokens, Token{Kind: TokenRelay, Value: relay.RelayToken, RequestID: relay.RequestId})
	return res, nil
}

// relayInputs reads secondary_client_id (required) and days_requested (0..731) with the
// catalog's defaults.
func relayInputs(p Partner, in PartnerInputs) (secondary string, days int32, err error) {
	value := func(name string) (Input, string) {
		def, _ := p.Input(name)
		if def.Name == "" {
			def = Input{Name: name, Label: name}
		}
		if v := strings.TrimSpace(in[name]); v != "" {
			return def, v
		}
		return def, def.Default
	}
	secIn, secondary := value(InputSecondaryClientID)
	if secondary == "" {
		return "", 0, &InputError{Partner: p.Name, Input: secIn, Problem: "it is missing"}
	}
	daysIn, daysText := value(InputDaysRequested)
	if daysText == "" {
		daysText = "60"
	}
	n, convErr := strconv.Atoi(daysText)
	if convErr != nil || n < 0 || n > 731 {
		return "", 0, &InputError{Partner: p.Name, Input: daysIn, Problem: fmt.Sprintf("%q is not a number of days from 0 to 731", daysText)}
	}
	return secondary, int32(n), nil
}

// waitForAssetReport polls /asset_report/get until the report is ready. PRODUCT_NOT_READY is
// the normal "still building" answer; anything else ends the wait. ASSETS PRODUCT_READY on
// ready cuts the wait short (the next /asset_report/get then finds the report); without it
// the polls find the report anyway.
func (c *Client) waitForAssetReport(ctx context.Context, reportToken string, ready <-chan struct{}, progress func(Progress)) error {
	wait := c.PollInterval
	for attempt := 1; ; attempt++ {
		req := plaid.NewAssetReportGetRequest()
		req.SetAssetReportToken(reportToken)
		httpResp, err := c.sendRaw(ctx, "/asset_report/get", req) // the report is shown, not read
		if err == nil {
			if progress != nil {
				progress(Progress{Step: "asset_report", Attempt: attempt, Message: "the Asset Report is ready"})
			}
			return nil
		}
		perr := toError("/asset_report/get", httpResp, err)
		pe, ok := AsPlaidError(perr)
		if !ok || (pe.Code != "PRODUCT_NOT_READY" && !retryable(pe.Status)) {
			return perr
		}
		if progress != nil {
			progress(Progress{Step: "asset_report", Attempt: attempt,
				Message: fmt.Sprintf("Plaid is still building the Asset Report; asking again in %s", FormatLatency(wait))})
		}
		woke, err := sleepOrReady(ctx, wait, ready)
		if err != nil {
			return errors.Join(fmt.Errorf("stopped waiting for the Asset Report: %w", err), perr)
		}
		if woke {
			ready = nil // fired once; the next poll reads the report
			if progress != nil {
				progress(Progress{Step: "asset_report", Attempt: attempt, Message: "ASSETS PRODUCT_READY arrived: reading the Asset Report"})
			}
		}
		wait = min(wait*3/2, c.PollMax)
	}
}
