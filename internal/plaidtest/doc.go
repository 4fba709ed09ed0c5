// Package plaidtest impersonates Plaid on loopback, for tests of the path a user with real keys
// takes: https to sandbox.plaid.com or production.plaid.com, and Link's script and frame from
// cdn.plaid.com. No machine running the tests reaches Plaid, so the offline emulator plays it,
// served over TLS with a certificate from a CA made when the test starts.
//
// Only the network is redirected; the client and the browser run unchanged:
//
//	srv := plaidtest.Start(t, "sandbox")     // emulator over TLS on 127.0.0.1:PORT
//	client := plaidflow.NewClientWith(cfg, nil, plaidflow.ClientOptions{Transport: srv.Transport()})
//	tab := browsertest.StartWith(t, srv.ChromiumFlags()...)
//
// Transport's dialer sends Plaid's names to the server and its TLS config trusts the test CA
// (and nothing else); any other name does not resolve. ChromiumFlags map the same names in
// Chromium's resolver and make it accept the server's certificate.
package plaidtest
