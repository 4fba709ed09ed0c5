package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// nodePlaidCache is where the official plaid npm package is installed once and kept between
// test runs (make clean removes it).
const nodePlaidCache = "../../testdata-artifacts/node-plaid"

var nodePlaidOnce struct {
	sync.Once
	err error
}

// nodePlaid is a directory whose node_modules holds the plaid package, installed with npm the
// first time; programs written into it find the package with require('plaid').
func nodePlaid(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is needed for this test: run 'make test-deps' (it installs nodejs and npm)")
	}
	dir, _ := filepath.Abs(nodePlaidCache)
	nodePlaidOnce.Do(func() {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "plaid", "dist", "api.d.ts")); err == nil {
			return
		}
		tmp := dir + ".tmp"
		os.RemoveAll(tmp)
		if err := os.MkdirAll(tmp, 0o755); err != nil {
			nodePlaidOnce.err = err
			return
		}
		cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--silent", "plaid")
		cmd.Dir = tmp
		if out, err := cmd.CombinedOutput(); err != nil {
			nodePlaidOnce.err = err
			t.Logf("npm install plaid: %s", out)
			return
		}
		os.RemoveAll(dir)
		nodePlaidOnce.err = os.Rename(tmp, dir)
	})
	if nodePlaidOnce.err != nil {
		t.Fatalf("installing the plaid npm package (npm install plaid; run 'make test-deps' for npm): %v", nodePlaidOnce.err)
	}
	return dir
}

// checkNodeNames finds every method the Node program calls on the client and every request
// type it names in the plaid package's typings.
func checkNodeNames(t *testing.T, dir, src string) {
	t.Helper()
	typings, err := os.ReadFile(filepath.Join(dir, "node_modules", "plaid", "dist", "api.d.ts"))
	if err != nil {
		t.Fatal(err)
	}
	d := string(typings)
	methods := regexp.MustCompile(`client\.([A-Za-z0-9]+)\(`).FindAllStringSubmatch(src, -1)
	types := regexp.MustCompile(`import\('plaid'\)\.([A-Za-z0-9]+)`).FindAllStringSubmatch(src, -1)
	if len(methods) < 5 || len(types) != len(methods) {
		t.Fatalf("found %d calls and %d request types in the program", len(methods), len(types))
	}
	for _, m := range methods {
		if !strings.Contains(d, "    "+m[1]+"(") {
			t.Errorf("the plaid package has no method %s", m[1])
		}
	}
	for _, m := range types {
		if !strings.Contains(d, "export interface "+m[1]+" {") {
			t.Errorf("the plaid package has no type %s", m[1])
		}
	}
}

// quickstartPrelude begins the Node programs that stand in for Plaid's quickstart server: the
// plaid client configured as the quickstart configures it, with the emulator's base URL, and
// emulatedLink(products, extra), which makes a link token for products (extra adds fields such
// as statements), walks the emulated Link's own endpoints as the browser would, taking the first
// account offered, and exchanges the public token for the access token it returns.
const quickstartPrelude = `
const { Configuration, PlaidApi } = require('plaid');
const base = process.env.PLAID_BASE_URL;
const client = new PlaidApi(new Configuration({ basePath: base, baseOptions: { headers: {
  'PLAID-CLIENT-ID': process.env.PLAID_CLIENT_ID, 'PLAID-SECRET': process.env.PLAID_SECRET, 'Plaid-Version': '2020-09-14' } } }));

async function emulatedLink(products, extra = {}) {
  const tokenResponse = await client.linkTokenCreate({ user: { client_user_id: 'user-id' }, client_name: 'Plaid Quickstart',
    products, country_codes: ['US'], language: 'en', ...extra });
  const step = (name, body) => fetch(base + '/link/emulated/api/' + name, { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  const { link_session_id } = await step('session', { link_token: tokenResponse.data.link_token });
  const login = await step('login', { link_session_id, institution_id: 'ins_109508', username: 'user_good', password: 'pass_good' });
  const { public_token } = await step('finish', { link_session_id, account_ids: [login.accounts[0].id] });
  const exchange = await client.itemPublicTokenExchange({ public_token });
  return exchange.data.access_token;
}
`
