package plaidjwt

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"fmt"
	"time"
)

// KeyRecord is a Key as an emulator with restart-safe state (--state) keeps it: the same key
// must sign after a restart, or receivers that cached its public half would refuse every
// webhook. It holds the private key (the emulator's own, fake and offline-only).
type KeyRecord struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
	PKCS8   []byte    `json:"pkcs8"`
}

// Record is the key as a KeyRecord.
func (k *Key) Record() (KeyRecord, error) {
	der, err := x509.MarshalPKCS8PrivateKey(k.priv)
	if err != nil {
		return KeyRecord{}, fmt.Errorf("plaidjwt: cannot encode the key: %w", err)
	}
	return KeyRecord{ID: k.id, Created: k.created, PKCS8: der}, nil
}

// Key reads the record back, refusing anything but a P-256 ECDSA key with an id.
func (r KeyRecord) Key() (*Key, error) {
	parsed, err := x509.ParsePKCS8PrivateKey(r.PKCS8)
	if err != nil {
		return nil, fmt.Errorf("plaidjwt: the stored key is damaged: %w", err)
	}
	priv, ok := parsed.(*ecdsa.PrivateKey)
	if !ok || priv.Curve != elliptic.P256() || r.ID == "" {
		return nil, fmt.Errorf("plaidjwt: the stored key is not a P-256 signing key with an id")
	}
	return &Key{priv: priv, id: r.ID, created: r.Created}, nil
}
