package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"plaidwalk/emulator"
	"plaidwalk/internal/plaidspec"
)

// quickstartJS makes the calls of Plaid's quickstart server for Statements and Signal with the
// plaid npm package, in the quickstart's own words: statementsList, then statementsDownload of
// accounts[0].statements[0] read as an arraybuffer and turned into base64; accountsGet, then
// signalEvaluate of accounts[0] with txn1234 and 100.0. Link (the browser's part) is walked
// through the emulated Link's own endpoints (quickstartPrelude).
const quickstartJS = quickstartPrelude + `
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

async function main() {
  let ACCESS_TOKEN = await emulatedLink(['statements'], { statements: { start_date: day(Date.now() - 30 * 864e5), end_date: day(Date.now()) } });
  const statementsListResponse = await client.statementsList({access_token: ACCESS_TOKEN});
  const pdfRequest = {
    access_token: ACCESS_TOKEN,
    statement_id: statementsListResponse.data.accounts[0].statements[0].statement_id
  };
  const statementsDownloadResponse = await client.statementsDownload(pdfRequest, {
    responseType: 'arraybuffer',
  });
  const pdf = Buffer.from(statementsDownloadResponse.data.toString('base64'), 'base64');
  console.log('statement: ' + pdf.subarray(0, 8).toString('latin1') + ' ' + statementsDownloadResponse.headers['content-type']);

  ACCESS_TOKEN = await emulatedLink(['signal']);
  const accountsResponse = await client.accountsGet({ access_token: ACCESS_TOKEN });
  const signalEvaluateResponse = await client.signalEvaluate({
    access_token: ACCESS_TOKEN,
    account_id: accountsResponse.data.accounts[0].account_id,
    client_transaction_id: 'txn1234',
    amount: 100.0,
  });
  const r = signalEvaluateResponse.data;
  console.log('signal: ' + r.ruleset.result + ' ' + r.scores.bank_initiated_return_risk.score);
}
main().catch((e) => { console.error(e.response ? JSON.stringify(e.response.data) : e); process.exit(1); });
`

// Plaid's quickstart server code for Statements and Signal, run with Plaid's Node library
// against the emulator (every exchange checked against v43's spec): the statement arrives as
// bytes that start with %PDF- and are labelled application/pdf, and Signal answers a ruleset
// result and a score.
func TestQuickstartStatementsAndSignalWithNode(t *testing.T) {
	dir := nodePlaid(t)
	srv := httptest.NewServer(plaidspec.Wrap(t, emulator.New(emulator.Options{})))
	t.Cleanup(srv.Close)
	js := filepath.Join(dir, "quickstart_statements_signal.js")
	if err := os.WriteFile(js, []byte(quickstartJS), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runProgram(t, []string{"node", js}, srv.URL)
	if !regexp.MustCompile(`(?m)^statement: %PDF-1\.4 application/pdf$`).MatchString(out) {
		t.Errorf("the statement did not arrive as a PDF:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^signal: (ACCEPT|REVIEW|REROUTE) [0-9]{1,2}$`).MatchString(out) {
		t.Errorf("signal answered no result and score:\n%s", out)
	}
}
