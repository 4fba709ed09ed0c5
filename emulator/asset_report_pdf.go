package emulator

import (
	"fmt"
	"strings"
)

// The Asset Report as a PDF (/asset_report/pdf/get, /asset_report/audit_copy/pdf/get): the same
// report the JSON endpoints answer, drawn as text with pdf.go's writer. Plaid's PDF is a
// designed document; this one has its facts (who, which banks, each account's balances and
// transactions), laid out in columns.

// assetReportPdfGet answers as /asset_report/get does until the report is done, then the PDF.
func (e *Emulator) assetReportPdfGet(q *apiRequest) (any, *apiError) { return e.answerReport(q, true) }

// assetReportPDF renders the report as read with v. Callers hold e.mu.
func (e *Emulator) assetReportPDF(rep *assetReport, requestID string, v reportView) pdfResponse {
	r := e.assetReportJSON(rep, requestID, v).Report
	lines := []string{
		"Asset Report " + r.AssetReportID,
		"Generated " + r.DateGenerated + ", " + fmt.Sprint(r.DaysRequested) + " days requested",
	}
	if r.ClientReportID != nil {
		lines = append(lines, "Client report ID: "+*r.ClientReportID)
	}
	if who := reportUserName(r.User); who != "" {
		lines = append(lines, "Prepared for: "+who)
	}
	for _, it := range r.Items {
		lines = append(lines, "", it.InstitutionName+" ("+it.InstitutionID+"), item "+it.ItemID, "Data as of "+it.DateLastUpdated)
		for _, a := range it.Accounts {
			lines = append(lines, "")
			lines = append(lines, accountPDFLines(a)...)
		}
	}
	lines = append(lines, "", "Made by the plaidwalk emulator from Sandbox test data: not a real person's assets.")
	return pdfResponse{data: writePDF("Asset Report", lines), requestID: requestID}
}

// reportUserName is the report's user as a name line: first, middle and last name, and the
// client's own user id. Other personal fields (SSN, phone, email) stay out of the file.
func reportUserName(u map[string]any) string {
	var parts []string
	for _, k := range []string{"first_name", "middle_name", "last_name"} {
		if s, _ := u[k].(string); s != "" {
			parts = append(parts, s)
		}
	}
	if id, _ := u["client_user_id"].(string); id != "" {
		parts = append(parts, "(user "+id+")")
	}
	return strings.Join(parts, " ")
}

// accountPDFLines are an account's heading, balances, owners and transactions, in columns.
func accountPDFLines(a assetAccountJSON) []string {
	cur := a.Balances.IsoCurrencyCode
	lines := []string{
		fmt.Sprintf("%s ****%s  %s / %s", a.Name, a.Mask, a.Type, a.Subtype),
		fmt.Sprintf("  Current %s %s   Available %s   %d days of history",
			money2(a.Balances.Current), cur, money2(a.Balances.Available), a.DaysAvailable),
	}
	for _, o := range a.Owners {
		lines = append(lines, "  Owner: "+strings.Join(o.Names, ", "))
	}
	if len(a.Transactions) == 0 {
		return append(lines, "  No transactions in this period.")
	}
	lines = append(lines, fmt.Sprintf("  %-10s  %-58s %12s", "Date", "Description", "Amount"))
	for _, t := range a.Transactions {
		desc := ""
		if t.OriginalDescription != nil {
			desc = *t.OriginalDescription
		}
		if t.Pending {
			desc += " (pending)"
		}
		lines = append(lines, fmt.Sprintf("  %-10s  %-58.58s %12.2f", t.Date, desc, t.Amount))
	}
	return lines
}

// money2 is a balance with two decimals, or "n/a" where the bank gives none.
func money2(v *float64) string {
	if v == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", *v)
}
