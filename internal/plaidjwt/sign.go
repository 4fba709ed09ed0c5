// Package plaidjwt signs and checks webhook bodies the way Plaid does. Plaid puts a JWT in
// each webhook's Plaid-Verification header: an ES256 signature (ECDSA on P-256 with SHA-256)
// over a header naming the key (kid) and claims holding when it was issued (iat) and the
// SHA-256 of the exact body bytes (request_body_sha256). The public key is served by
// /webhook_verification_key/get as a JWK. The emulator signs with Key; `plaidwalk listen`
// checks with Verify, following the steps of Plaid's webhook verification guide. Only the
// standard library is used, so what a receiver's JWT library accepts is tested against an
// independent implementation.
package plaidjwt

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Alg is the only algorithm Plaid signs webhooks with; a receiver must refuse any other.
const Alg = "ES256"

// coordSize is the byte length of a P-256 coordinate, and of r and s in a raw signature.
const coordSize = 32

// Key is a signing key with its JWK identity: an id (the JWT's kid) and a creation time.
type Key struct {
	priv    *ecdsa.PrivateKey
	id      string
	created time.Time
}

// NewKey makes a fresh P-256 key with a random UUID as its id.
func NewKey(created time.Time) (*Key, error) {
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("plaidjwt: cannot make a P-256 key: %w", err)
	}
	return &Key{priv: priv, id: uuid.NewString(), created: created}, nil
}

// ID is the key's id, the kid of the JWTs it signs.
func (k *Key) ID() string { return k.id }

// JWK is Plaid's JWKPublicKey: the public half of a signing key as a JSON Web Key, with when
// it was made and (once rotated out) when it expired, in Unix seconds.
type JWK struct {
	Alg       string `json:"alg"`
	Crv       string `json:"crv"`
	Kid       string `json:"kid"`
	Kty       string `json:"kty"`
	Use       string `json:"use"`
	X         string `json:"x"`
	Y         string `json:"y"`
	CreatedAt int64  `json:"created_at"`
	ExpiredAt *int64 `json:"expired_at"`
}

// Public is the key's JWK, as /webhook_verification_key/get serves it.
func (k *Key) Public() JWK {
	point, _ := k.priv.PublicKey.Bytes() // 0x04 || x || y; cannot fail for a P-256 key
	enc := base64.RawURLEncoding
	return JWK{Alg: Alg, Crv: "P-256", Kid: k.id, Kty: "EC", Use: "sig",
		X: enc.EncodeToString(point[1 : 1+coordSize]), Y: enc.EncodeToString(point[1+coordSize:]),
		CreatedAt: k.created.Unix()}
}

// header and claims are the JWT's two JSON parts, in Plaid's field names.
type header struct {
	Alg string `json:"alg"`
	Kid string `json:"kid"`
	Typ string `json:"typ"`
}

type claims struct {
	IAT               int64  `json:"iat"`
	RequestBodySHA256 string `json:"request_body_sha256"`
}

// Sign returns the Plaid-Verification value for body sent at now: a compact JWS whose
// signature is the raw r || s pair (64 bytes), base64url without padding, as RFC 7518 asks.
func (k *Key) Sign(body []byte, now time.Time) (string, error) {
	sum := sha256.Sum256(body)
	h, err := json.Marshal(header{Alg: Alg, Kid: k.id, Typ: "JWT"})
	if err != nil {
		return "", err
	}
	c, err := json.Marshal(claims{IAT: now.Unix(), RequestBodySHA256: hex.EncodeToString(sum[:])})
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	input := enc.EncodeToString(h) + "." + enc.EncodeToString(c)
	digest := sha256.Sum256([]byte(input))
	r, s, err := ecdsa.Sign(rand.Reader, k.priv, digest[:])
	if err != nil {
		return "", fmt.Errorf("plaidjwt: cannot sign: %w", err)
	}
	sig := make([]byte, 2*coordSize)
	r.FillBytes(sig[:coordSize])
	s.FillBytes(sig[coordSize:])
	return input + "." + enc.EncodeToString(sig), nil
}
