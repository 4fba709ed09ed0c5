package plaidjwt

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"testing"
)

// TestKeyRecordRoundTrip: a key read back from its record (through JSON, as the emulator
// stores it) has the same id and public key, and what it signs verifies with the original's JWK.
func TestKeyRecordRoundTrip(t *testing.T) {
	k := newTestKey(t)
	rec, err := k.Record()
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(rec)
	var back KeyRecord
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	k2, err := back.Key()
	if err != nil {
		t.Fatal(err)
	}
	if k2.ID() != k.ID() || k2.Public() != k.Public() {
		t.Fatalf("restored key %+v differs from %+v", k2.Public(), k.Public())
	}
	body := `{"webhook_code":"DEFAULT_UPDATE"}`
	if err := Verify(sign(t, k2, body, t0), []byte(body), k.Public(), t0); err != nil {
		t.Fatalf("the restored key's signature was refused: %v", err)
	}
}

// TestKeyRecordRefuses: damaged bytes, another curve and a missing id are refused.
func TestKeyRecordRefuses(t *testing.T) {
	p384, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalPKCS8PrivateKey(p384)
	good, _ := newTestKey(t).Record()
	for name, r := range map[string]KeyRecord{
		"damaged": {ID: "k", PKCS8: []byte("not a key")},
		"P-384":   {ID: "k", PKCS8: der},
		"no id":   {PKCS8: good.PKCS8},
	} {
		if _, err := r.Key(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
