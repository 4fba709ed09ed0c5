package plaidjwt

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"math/big"
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

// Interop with golang-jwt, an implementation that shares no code with this package: what Sign
// makes, golang-jwt accepts with the JWK's key; what golang-jwt signs as Plaid would, Verify
// accepts. A receiver using any standard JWT library can check the emulator's webhooks.

func TestGolangJWTAcceptsWhatSignMakes(t *testing.T) {
	k := newTestKey(t)
	body := []byte(`{"webhook_code": "ERROR"}`)
	tok := sign(t, k, string(body), t0)
	j := k.Public()
	x, _ := base64.RawURLEncoding.DecodeString(j.X)
	y, _ := base64.RawURLEncoding.DecodeString(j.Y)
	pub := &ecdsa.PublicKey{Curve: elliptic.P256(), X: new(big.Int).SetBytes(x), Y: new(big.Int).SetBytes(y)}
	claims := jwt.MapClaims{}
	parsed, err := jwt.NewParser(jwt.WithValidMethods([]string{"ES256"})).ParseWithClaims(tok, claims, func(*jwt.Token) (any, error) { return pub, nil })
	if err != nil {
		t.Fatalf("golang-jwt refused the signature: %v", err)
	}
	sum := sha256.Sum256(body)
	if parsed.Header["kid"] != k.ID() || parsed.Header["typ"] != "JWT" || claims["request_body_sha256"] != hex.EncodeToString(sum[:]) ||
		claims["iat"] != float64(t0.Unix()) {
		t.Fatalf("header %v, claims %v", parsed.Header, claims)
	}
}

func TestVerifyAcceptsWhatGolangJWTSigns(t *testing.T) {
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	body := []byte("{\n  \"webhook_type\": \"ITEM\"\n}")
	sum := sha256.Sum256(body)
	tok := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{"iat": t0.Unix(), "request_body_sha256": hex.EncodeToString(sum[:])})
	tok.Header["kid"] = "other-kid"
	signed, err := tok.SignedString(priv)
	if err != nil {
		t.Fatal(err)
	}
	enc := base64.RawURLEncoding
	key := JWK{Alg: Alg, Crv: "P-256", Kid: "other-kid", Kty: "EC", Use: "sig",
		X: enc.EncodeToString(priv.X.FillBytes(make([]byte, 32))), Y: enc.EncodeToString(priv.Y.FillBytes(make([]byte, 32)))}
	if err := Verify(signed, body, key, t0); err != nil {
		t.Fatalf("Verify refused golang-jwt's token: %v", err)
	}
	if err := Verify(signed, append(body, ' '), key, t0); err == nil {
		t.Fatal("Verify accepted a body with a space added")
	}
}
