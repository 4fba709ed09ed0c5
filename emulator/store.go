package emulator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Restart-safe state (`plaidwalk emulator --state DIR`, issue 13): the Items and the tokens that
// name them are written to a bbolt file in DIR, in the same critical section that changes them
// and so before the call that changed them is answered; bbolt commits are durable once written,
// so a kill -9 loses nothing a client was told. The webhook signing key is kept too (receivers
// cache its public half). The default keeps everything in memory (store is nil and every save
// is a no-op). Asset reports, relay tokens, link_tokens (with their finished sessions' results)
// and Signal's evaluations are kept; Link sessions still open in a browser are not.

const (
	stateFileName = "emulator.db"
	// stateVersion is the layout of the records below; a newer one is refused, not misread.
	stateVersion = 1
)

var (
	bucketMeta       = []byte("meta")
	bucketItems      = []byte("items")              // item_id -> itemRecord
	bucketPublic     = []byte("public_tokens")      // public_token -> publicRecord
	bucketProcessor  = []byte("processor_tokens")   // 16-byte key -> grantRecord
	bucketStripe     = []byte("stripe_tokens")      // btok_... -> grantRecord
	bucketPartner    = []byte("partner_settings")   // processor_token -> partnerRecord
	bucketReports    = []byte("asset_reports")      // asset_report_token -> reportRecord
	bucketRelay      = []byte("relay_tokens")       // relay token -> relayRecord
	bucketLinkTokens = []byte("link_tokens")        // link_token -> linkTokenRecord
	bucketSignals    = []byte("signal_evaluations") // client_transaction_id -> signalRecord
	keyVersion       = []byte("version")
	keyWebhookKey    = []byte("webhook_key") // in meta: the webhook signing key (plaidjwt.KeyRecord)
	allBuckets       = [][]byte{bucketMeta, bucketItems, bucketPublic, bucketProcessor, bucketStripe, bucketPartner, bucketReports, bucketRelay, bucketLinkTokens, bucketSignals}
)

// store is the open state file.
type store struct {
	db   *bolt.DB
	path string
}

// openStore opens (or starts) DIR's state file, refusing one it cannot read: another version's
// layout, a damaged file, or a file another emulator holds.
func openStore(dir string) (*store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot make the state directory %s: %w", dir, err)
	}
	path := filepath.Join(dir, stateFileName)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return nil, fmt.Errorf("%s is in use by another emulator; stop it or give another --state directory", path)
	case err != nil:
		return nil, fmt.Errorf("%s is not a readable emulator state (%v); move it away to start with an empty state", path, err)
	}
	s := &store{db: db, path: path}
	if err := db.Update(s.prepare); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// prepare makes the buckets of a new file and checks an old file's version.
func (s *store) prepare(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil && tx.Bucket(bucketItems) == nil {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keyVersion, []byte(strconv.Itoa(stateVersion)))
	}
	var raw []byte
	if meta != nil {
		raw = meta.Get(keyVersion)
	}
	v, err := strconv.Atoi(string(raw))
	switch {
	case err != nil || v < 1:
		return fmt.Errorf("%s has no state version this emulator knows (%q); it is damaged or not an emulator state: move it away to start with an empty state", s.path, raw)
	case v > stateVersion:
		return fmt.Errorf("%s was written by a newer plaidwalk (state version %d; this one reads version %d); run that version, or give another --state directory", s.path, v, stateVersion)
	}
	// A kind of record added since the file was made starts empty.
	for _, b := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return nil
}

func (s *store) close() error { return s.db.Close() }

// each calls fn with every record of a bucket, stopping at the first error.
func (s *store) each(bucket []byte, fn func(k, v []byte) error) error {
	return s.db.View(func(tx *bolt.Tx) error { return tx.Bucket(bucket).ForEach(fn) })
}
