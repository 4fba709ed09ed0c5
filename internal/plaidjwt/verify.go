package plaidjwt

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"
)

// MaxAge is how old a webhook's iat may be before it is refused, as Plaid's guide says: an
// older one may be a recorded webhook sent again.
const MaxAge = 5 * time.Minute

// maxSkew is how far in the future an iat may be: clocks of sender and receiver differ a
// little, but a JWT from far ahead would stay "fresh" for longer than MaxAge.
const maxSkew = time.Minute

// parsed is a compact JWS split into its parts, the header decoded.
type parsed struct {
	header       header
	payload, sig []byte
	signingInput string
}

func parse(token string) (parsed, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return parsed{}, errors.New("the Plaid-Verification header is not a JWT (three base64url parts joined by dots)")
	}
	enc := base64.RawURLEncoding
	var p parsed
	h, err1 := enc.DecodeString(parts[0])
	payload, err2 := enc.DecodeString(parts[1])
	sig, err3 := enc.DecodeString(parts[2])
	if err := errors.Join(err1, err2, err3); err != nil {
		return parsed{}, fmt.Errorf("the JWT is not base64url: %w", err)
	}
	if err := json.Unmarshal(h, &p.header); err != nil {
		return parsed{}, fmt.Errorf("the JWT header is not JSON: %w", err)
	}
	p.payload, p.sig, p.signingInput = payload, sig, parts[0]+"."+parts[1]
	return p, nil
}

// KeyID returns the kid of a Plaid-Verification value, refusing it unless alg is ES256: the
// first step of Plaid's guide, before any key is fetched.
func KeyID(token string) (string, error) {
	p, err := parse(token)
	if err != nil {
		return "", err
	}
	if p.header.Alg != Alg {
		return "", fmt.Errorf("the JWT's alg is %q; Plaid signs with ES256 only, so anything else is refused", p.header.Alg)
	}
	if p.header.Kid == "" {
		return "", errors.New("the JWT header has no kid, so no key can be fetched to check it")
	}
	return p.header.Kid, nil
}

// Verify checks a Plaid-Verification value for body, received at now, with key (fetched by
// the token's kid): the alg, the signature, the age of iat, then the body's SHA-256 against
// the claim in constant time. nil means the webhook is Plaid's (or the emulator's) and fresh.
func Verify(token string, body []byte, key JWK, now time.Time) error {
	kid, err := KeyID(token)
	if err != nil {
		return err
	}
	if kid != key.Kid {
		return fmt.Errorf("the JWT names key %q but key %q was given", kid, key.Kid)
	}
	if key.ExpiredAt != nil {
		return fmt.Errorf("key %q expired at %s; a webhook signed with it is refused", kid, time.Unix(*key.ExpiredAt, 0).UTC().Format(time.RFC3339))
	}
	pub, err := key.publicKey()
	if err != nil {
		return err
	}
	p, _ := parse(token) // KeyID parsed it already
	if !verifySignature(pub, p) {
		return errors.New("the signature does not match the key: the webhook was not signed by its sender's key, or was changed")
	}
	var c claims
	if err := json.Unmarshal(p.payload, &c); err != nil {
		return fmt.Errorf("the JWT claims are not JSON: %w", err)
	}
	return checkClaims(c, body, now)
}

func checkClaims(c claims, body []byte, now time.Time) error {
	issued := time.Unix(c.IAT, 0)
	switch {
	case c.IAT == 0:
		return errors.New("the JWT has no iat claim")
	case now.Sub(issued) > MaxAge:
		return fmt.Errorf("the JWT was issued %s ago, more than the 5 minutes allowed (a replayed webhook?)", now.Sub(issued).Round(time.Second))
	case issued.Sub(now) > maxSkew:
		return fmt.Errorf("the JWT claims to be issued %s in the future; check the clocks", issued.Sub(now).Round(time.Second))
	}
	sum := sha256.Sum256(body)
	got := hex.EncodeToString(sum[:])
	if subtle.ConstantTimeCompare([]byte(got), []byte(strings.ToLower(c.RequestBodySHA256))) != 1 {
		return errors.New("the body's SHA-256 differs from request_body_sha256: the body was changed after signing (even whitespace counts)")
	}
	return nil
}

// verifySignature checks the raw r || s signature of the signing input.
func verifySignature(pub *ecdsa.PublicKey, p parsed) bool {
	if len(p.sig) != 2*coordSize {
		return false
	}
	digest := sha256.Sum256([]byte(p.signingInput))
	r := new(big.Int).SetBytes(p.sig[:coordSize])
	s := new(big.Int).SetBytes(p.sig[coordSize:])
	return ecdsa.Verify(pub, digest[:], r, s)
}

// publicKey turns the JWK into a P-256 public key, refusing other curves and key types.
func (k JWK) publicKey() (*ecdsa.PublicKey, error) {
	if k.Kty != "EC" || k.Crv != "P-256" {
		return nil, fmt.Errorf("key %q is %s %s; a webhook key must be EC P-256", k.Kid, k.Kty, k.Crv)
	}
	enc := base64.RawURLEncoding
	x, err1 := enc.DecodeString(k.X)
	y, err2 := enc.DecodeString(k.Y)
	if err := errors.Join(err1, err2); err != nil || len(x) != coordSize || len(y) != coordSize {
		return nil, fmt.Errorf("key %q has x or y that are not 32 base64url bytes", k.Kid)
	}
	point := append(append([]byte{4}, x...), y...)
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), point)
	if err != nil {
		return nil, fmt.Errorf("key %q is not a point on P-256: %w", k.Kid, err)
	}
	return pub, nil
}
