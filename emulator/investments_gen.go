package emulator

import "time"

// investmentDay draws what happened on user_good's investment account a on day d. The 401k
// takes a payroll contribution on the 1st and 15th and buys a fund with it, and receives
// quarterly dividends; the IRA pays a monthly account fee, trades now and then, and receives a
// quarterly dividend. Prices move a few percent around the securities' close prices. Every
// transaction names a security, the cash ones the cash security, as the quickstart's frontend
// looks each one's security up by its id.
func investmentDay(a *account, key [2]uint64, d int) []investmentTxn {
	r := newDayStream(key, d)
	date := time.Unix(int64(d)*86400, 0).UTC()
	mday, quarterEnd := date.Day(), date.Month()%3 == 0
	var out []investmentTxn
	add := func(sec *security, name, typ, sub string, qty, price, amount float64) *investmentTxn {
		out = append(out, investmentTxn{account: a, id: r.id(), sec: sec, day: d, name: name, typ: typ, subtype: sub,
			quantity: qty, price: price, amount: amount, currency: a.currency()})
		return &out[len(out)-1]
	}
	if a.subtype == "401k" {
		if mday == 1 || mday == 15 {
			paid := roundTo(300+r.float()*150, 2)
			add(&secUSD, "EMPLOYEE CONTRIBUTION", "cash", "contribution", 0, 0, -paid)
			fund := &secVFIFX
			if mday == 15 {
				fund = &secFXAIX
			}
			price := roundTo(fund.price*(0.97+0.06*r.float()), 2)
			qty := roundTo(paid/price, 4)
			add(fund, "BUY "+fund.name, "buy", "buy", qty, price, roundTo(qty*price, 2))
		}
		if quarterEnd && mday == 28 {
			for _, sec := range []*security{&secDODIX, &secFXAIX} {
				add(sec, "DIVIDEND RECEIVED "+sec.ticker, "cash", "dividend", 0, 0, -roundTo(5+r.float()*55, 2))
			}
		}
		return out
	}
	if mday == 10 {
		fee := roundTo(1.5+r.float()*1.5, 2)
		add(&secUSD, "ACCOUNT MAINTENANCE FEE", "fee", "account fee", 0, 0, fee).fees = fee
	}
	if r.float() < 0.03 {
		qty, price := roundTo(0.05+r.float()*0.25, 4), roundTo(secVTI.price*(0.95+0.1*r.float()), 2)
		if r.float() < 0.6 {
			add(&secVTI, "BUY "+secVTI.name, "buy", "buy", qty, price, roundTo(qty*price, 2))
		} else {
			add(&secVTI, "SELL "+secVTI.name, "sell", "sell", -qty, price, -roundTo(qty*price, 2))
		}
	}
	if quarterEnd && mday == 25 {
		add(&secVTI, "DIVIDEND RECEIVED VTI", "cash", "dividend", 0, 0, -roundTo(0.4+r.float()*0.6, 2))
	}
	return out
}
