package emulator

// The Investments add-on (/asset_report/create with options.add_ons ["investments"]): each
// investment account of the Full report carries its holdings as of the report, the investment
// transactions of the report's window and the securities they name, in the Asset Report's own
// shapes (fewer fields than /investments/*). The Fast version has none.

type assetInvestmentsJSON struct {
	Holdings     []assetHoldingJSON       `json:"holdings"`
	Securities   []assetSecurityJSON      `json:"securities"`
	Transactions []assetInvestmentTxnJSON `json:"transactions"`
}

type assetHoldingJSON struct {
	AccountID              string   `json:"account_id"`
	SecurityID             string   `json:"security_id"`
	TickerSymbol           *string  `json:"ticker_symbol"`
	InstitutionPrice       float64  `json:"institution_price"`
	InstitutionPriceAsOf   *string  `json:"institution_price_as_of"`
	InstitutionValue       float64  `json:"institution_value"`
	CostBasis              *float64 `json:"cost_basis"`
	Quantity               float64  `json:"quantity"`
	IsoCurrencyCode        *string  `json:"iso_currency_code"`
	UnofficialCurrencyCode *string  `json:"unofficial_currency_code"`
}

type assetSecurityJSON struct {
	SecurityID   string  `json:"security_id"`
	Name         *string `json:"name"`
	TickerSymbol *string `json:"ticker_symbol"`
	Type         *string `json:"type"`
}

type assetInvestmentTxnJSON struct {
	investmentTxnFields
	VestedQuantity float64 `json:"vested_quantity"`
	VestedValue    float64 `json:"vested_value"`
}

// assetInvestments is account a's investments as of day today, with its transactions of the
// last days days.
func assetInvestments(it *item, a *account, today, days int) *assetInvestmentsJSON {
	out := &assetInvestmentsJSON{Holdings: []assetHoldingJSON{}, Securities: []assetSecurityJSON{}, Transactions: []assetInvestmentTxnJSON{}}
	seen := map[string]bool{}
	addSecurity := func(s *security) {
		if s != nil && !seen[s.id] {
			seen[s.id] = true
			out.Securities = append(out.Securities, assetSecurityJSON{SecurityID: s.id, Name: nullable(s.name), TickerSymbol: nullable(s.ticker), Type: nullable(s.typ)})
		}
	}
	for _, h := range holdingsOf(a, today) {
		j := h.json()
		out.Holdings = append(out.Holdings, assetHoldingJSON{AccountID: j.AccountID, SecurityID: j.SecurityID, TickerSymbol: nullable(h.sec.ticker),
			InstitutionPrice: j.InstitutionPrice, InstitutionPriceAsOf: j.InstitutionPriceAsOf, InstitutionValue: j.InstitutionValue,
			CostBasis: j.CostBasis, Quantity: j.Quantity, IsoCurrencyCode: j.IsoCurrencyCode, UnofficialCurrencyCode: j.UnofficialCurrencyCode})
		addSecurity(h.sec)
	}
	for _, t := range it.investmentTxnsOf(a, today-days, today) {
		out.Transactions = append(out.Transactions, assetInvestmentTxn(t))
		addSecurity(t.sec)
	}
	return out
}

// assetInvestmentTxn is one investment transaction in the report's shape. Only equities have
// vested shares (the spec's note): an equity's are the whole trade, anything else's zero.
func assetInvestmentTxn(t investmentTxn) assetInvestmentTxnJSON {
	out := assetInvestmentTxnJSON{investmentTxnFields: t.fields()}
	if t.sec != nil && t.sec.typ == "equity" {
		out.VestedQuantity, out.VestedValue = t.quantity, roundTo(t.quantity*t.price, 2)
	}
	return out
}
