package plaidflow

import (
	"context"
	"encoding/json"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/termtext"
)

// relayView fetches the report a relay token shares, as the secondary client (Alloy) does
// with /credit/relay/get. Only offline can plaidwalk play that client: Plaid answers the call
// to the secondary client's keys alone.
func (c *Client) relayView(ctx context.Context, v PartnerView, in PartnerViewInput) (PartnerView, error) {
	if c.cfg.Env != EnvOffline {
		v.Note = in.Partner.Name + " fetches the shared report with /credit/relay/get and its own keys (the secondary_client_id's); " +
			"Plaid refuses that call from yours, so nothing was read. Offline, the emulator plays " + in.Partner.Name + "."
		return v, nil
	}
	token := tokenOf(in.Result, TokenRelay)
	if token == "" {
		return v, &InputError{Partner: in.Partner.Name, Input: Input{Name: "relay_token", Label: "the walk's relay token"}, Problem: "the walk made none"}
	}
	var resp relayAnswer
	if err := c.readInto(ctx, "/credit/relay/get", plaid.NewCreditRelayGetRequest(token, plaid.REPORTTYPE_ASSET), &resp); err != nil {
		return v, err
	}
	rep := &RelayReport{AssetReportID: termtext.SingleLine(resp.Report.AssetReportID), DaysRequested: int(resp.Report.DaysRequested)}
	for _, it := range resp.Report.Items {
		rep.Items = append(rep.Items, RelayItem{Institution: termtext.SingleLine(it.InstitutionName), Accounts: len(it.Accounts)})
	}
	v.Report, v.Read = rep, true
	v.Note = "Offline, the emulator plays " + in.Partner.Name + ": it takes the relay token with plaidwalk's own keys, as the secondary client would with its own."
	return v, nil
}

// relayAnswer is what the partner view shows of /credit/relay/get's report.
type relayAnswer struct {
	Report struct {
		AssetReportID string  `json:"asset_report_id"`
		DaysRequested float64 `json:"days_requested"`
		Items         []struct {
			InstitutionName string            `json:"institution_name"`
			Accounts        []json.RawMessage `json:"accounts"`
		} `json:"items"`
	} `json:"report"`
}

// MaskNumber hides all but the last four digits of an account number, as statements do.
func MaskNumber(n string) string {
	if len(n) <= 4 {
		return n
	}
	return "••••" + n[len(n)-4:]
}
