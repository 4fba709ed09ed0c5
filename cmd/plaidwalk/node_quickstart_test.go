package main

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
	"time"

	"plaidwalk/emulator"
	"plaidwalk/internal/plaidspec"
)

// quickstartSet is one PLAID_PRODUCTS value of Plaid's quickstart and the buttons its frontend
// then shows: the product's own, Balance (shown for every set but payment_initiation), and the
// Item panel's Item and Accounts.
type quickstartSet struct {
	Name     string   `json:"name"`
	Products []string `json:"products"`
	Buttons  []string `json:"buttons"`
}

func quickstartSets() []quickstartSet {
	common := []string{"balance", "item", "accounts"}
	set := func(products []string, buttons ...string) quickstartSet {
		return quickstartSet{fmt.Sprint(products), products, append(buttons, common...)}
	}
	return []quickstartSet{
		set([]string{"auth", "transactions"}, "auth", "transactions"),
		set([]string{"identity"}, "identity"),
		set([]string{"assets"}, "assets"),
		set([]string{"investments"}, "holdings", "investments_transactions"),
		set([]string{"liabilities"}, "liabilities"),
		set([]string{"statements"}, "statements"),
		set([]string{"signal"}, "signal_evaluate"),
	}
}

// quickstartButton is one button's outcome: the rows the frontend would draw, a few facts the
// route saw (PDF heads, totals), or the error the frontend would show.
type quickstartButton struct {
	Rows  []map[string]any
	Facts map[string]any
	Error any
}

// Plaid's quickstart, backend and frontend, for each product set issue 17 names, with the
// official plaid npm package against one emulator under the spec check: Link made with the
// set's products and walked taking the first account offered, then every button the frontend
// shows for the set answers without an error and with something to draw, every field the
// frontend reads present (checkQuickstartRows); the transactions loop waits out the first pull
// and the asset report its PRODUCT_NOT_READY (both shortened to a second).
func TestNodeQuickstartProductSets(t *testing.T) {
	dir := nodePlaid(t)
	e := emulator.New(emulator.Options{TransactionsReadyDelay: time.Second, AssetReportDelay: time.Second})
	srv := httptest.NewServer(plaidspec.Wrap(t, e))
	t.Cleanup(srv.Close)
	script := filepath.Join(dir, "quickstart_product_sets.js")
	if err := os.WriteFile(script, []byte(quickstartButtonsJS), 0o644); err != nil {
		t.Fatal(err)
	}
	sets := quickstartSets()
	arg, _ := json.Marshal(sets)
	raw := runProgram(t, []string{"node", script, string(arg)}, srv.URL)
	var out map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatalf("node printed %s: %v", raw, err)
	}
	for _, set := range sets {
		t.Run(set.Name, func(t *testing.T) {
			got := out[set.Name]
			if le, ok := got["link_error"]; ok {
				t.Fatalf("linking with %v: %s", set.Products, le)
			}
			for _, name := range set.Buttons {
				var b quickstartButton
				if err := json.Unmarshal(got[name], &b); err != nil || b.Error != nil || len(b.Rows) == 0 {
					t.Errorf("%s: %s", name, got[name])
					continue
				}
				checkQuickstartRows(t, name, b.Rows)
				if check := quickstartChecks[name]; check != nil {
					check(t, b)
				}
			}
		})
	}
}

// blankWord finds what JavaScript writes for a missing value spliced into a string.
var blankWord = regexp.MustCompile(`\b(undefined|null|NaN)\b`)

// checkQuickstartRows fails on a field the frontend reads that is missing, null, an empty
// string (the Item's available products may be none) or a string built from a missing value.
func checkQuickstartRows(t *testing.T, button string, rows []map[string]any) {
	t.Helper()
	for _, row := range rows {
		for k, v := range row {
			s, isString := v.(string)
			switch {
			case v == nil:
				t.Errorf("%s: %s is null in %v", button, k, row)
			case isString && s == "" && k != "available_products", isString && blankWord.MatchString(s):
				t.Errorf("%s: %s is %q in %v", button, k, s, row)
			}
		}
	}
}

var pdfFact = regexp.MustCompile(`^%PDF-1\.[0-7] application/pdf$`)

// quickstartChecks are the buttons' own checks beyond "something to draw".
var quickstartChecks = map[string]func(*testing.T, quickstartButton){
	"auth": func(t *testing.T, b quickstartButton) {
		for _, r := range b.Rows {
			if !regexp.MustCompile(`^[0-9]{9}$`).MatchString(fmt.Sprint(r["routing"])) {
				t.Errorf("auth: routing number %v", r["routing"])
			}
		}
	},
	"transactions": func(t *testing.T, b quickstartButton) {
		dates := make([]string, len(b.Rows))
		for i, r := range b.Rows {
			dates[i] = fmt.Sprint(r["date"])
		}
		if len(b.Rows) != 8 || !sort.StringsAreSorted(dates) {
			t.Errorf("transactions: the latest 8 of %v, by date: %v", b.Facts["added"], dates)
		}
	},
	"holdings": func(t *testing.T, b quickstartButton) {
		for _, r := range b.Rows {
			if v, _ := r["value"].(float64); v <= 0 {
				t.Errorf("holdings: a holding worth %v: %v", r["value"], r)
			}
		}
	},
	"investments_transactions": func(t *testing.T, b quickstartButton) {
		if total, _ := b.Facts["total"].(float64); int(total) != len(b.Rows) {
			t.Errorf("investments_transactions: %d drawn, total_investment_transactions %v", len(b.Rows), b.Facts["total"])
		}
	},
	// Link made for liabilities offers a credit card first: its liability alone is drawn.
	"liabilities": func(t *testing.T, b quickstartButton) {
		if len(b.Rows) != 1 || b.Rows[0]["type"] != "credit card" {
			t.Errorf("liabilities of the first account Link offers (a credit card): %v", b.Rows)
		}
	},
	"assets": func(t *testing.T, b quickstartButton) {
		if !pdfFact.MatchString(fmt.Sprint(b.Facts["pdf"])) {
			t.Errorf("assets: the report's PDF: %v", b.Facts["pdf"])
		}
	},
	"statements": func(t *testing.T, b quickstartButton) {
		if !pdfFact.MatchString(fmt.Sprint(b.Facts["pdf"])) {
			t.Errorf("statements: the statement's PDF: %v", b.Facts["pdf"])
		}
	},
	"signal_evaluate": func(t *testing.T, b quickstartButton) {
		r := b.Rows[0]
		if !regexp.MustCompile(`^(ACCEPT|REVIEW|REROUTE)$`).MatchString(fmt.Sprint(r["result"])) {
			t.Errorf("signal: ruleset result %v", r["result"])
		}
	},
}
