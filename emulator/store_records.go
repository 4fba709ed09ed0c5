package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The records of the state file: what an Item or token keeps in memory, in JSON.

type itemRecord struct {
	ID              string          `json:"id"`
	Institution     string          `json:"institution_id"`
	Custom          json.RawMessage `json:"custom,omitempty"` // user_custom's configuration, checked again on load
	Shared          []uint16        `json:"shared"`           // null: every account
	Products        []string        `json:"products"`
	Webhook         string          `json:"webhook,omitempty"`
	Access          []byte          `json:"access,omitempty"` // the access_token's 16-byte key; none before the exchange
	LoginRequired   bool            `json:"login_required,omitempty"`
	Verification    string          `json:"verification_status,omitempty"` // Auth's micro-deposit status; none: verified by login
	CodeTries       uint8           `json:"code_tries,omitempty"`          // wrong deposit codes typed (auth_manual.go)
	Created         time.Time       `json:"created"`
	StatementsFrom  int32           `json:"statements_from,omitempty"` // the statements window (statements.go), days since 1970
	StatementsTo    int32           `json:"statements_to,omitempty"`
	LastWebhookAt   *time.Time      `json:"last_webhook_at,omitempty"`
	LastWebhookCode string          `json:"last_webhook_code,omitempty"`
	Synced          bool            `json:"synced,omitempty"`  // /transactions/sync was called on it
	Dynamic         *dynamicRecord  `json:"dynamic,omitempty"` // user_transactions_dynamic's refreshes and created transactions (store_dynamic.go)
}

type publicRecord struct {
	ItemID  string    `json:"item_id"`
	Expires time.Time `json:"expires"`
	Used    bool      `json:"used,omitempty"`
}

type grantRecord struct {
	ItemID    string `json:"item_id"`
	Account   uint16 `json:"account"`
	Processor string `json:"processor"`
}

type partnerRecord struct {
	Products []string `json:"products,omitempty"`
	Webhook  string   `json:"webhook,omitempty"`
}

// storeOp is one write of a transaction: v nil deletes the key.
type storeOp struct {
	bucket, key []byte
	v           any
}

// write commits ops in one transaction.
func (s *store) write(ops ...storeOp) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, op := range ops {
			b := tx.Bucket(op.bucket)
			if op.v == nil {
				if err := b.Delete(op.key); err != nil {
					return err
				}
				continue
			}
			raw, err := json.Marshal(op.v)
			if err != nil {
				return err
			}
			if err := b.Put(op.key, raw); err != nil {
				return err
			}
		}
		return nil
	})
}

// saveLocked writes ops when the emulator keeps its state on disk. A failed write is kept:
// from then on every API call answers it (stateError), as the file no longer holds what the
// emulator answered. Callers hold e.mu.
func (e *Emulator) saveLocked(ops ...storeOp) {
	if e.store == nil || e.storeErr != nil {
		return
	}
	if err := e.store.write(ops...); err != nil {
		e.storeErr = fmt.Errorf("the emulator could not write its state to %s: %w; restart it once the cause is fixed", e.store.path, err)
	}
}

// stateError is the API error of a failed state write, nil when there is none (or no store).
func (e *Emulator) stateError() *apiError {
	if e.store == nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.storeErr == nil {
		return nil
	}
	return &apiError{Status: http.StatusInternalServerError, Type: "API_ERROR", Code: "INTERNAL_SERVER_ERROR", Message: e.storeErr.Error()}
}

func (e *Emulator) saveItemLocked(it *item) {
	if e.store != nil {
		e.saveLocked(storeOp{bucketItems, []byte(it.id), it.record()})
	}
}

func (e *Emulator) savePublicTokenLocked(tok string, pt *publicTokenState) {
	if e.store == nil {
		return
	}
	var v any
	if pt != nil {
		v = publicRecord{ItemID: pt.itemID, Expires: pt.expires, Used: pt.used}
	}
	e.saveLocked(storeOp{bucketPublic, []byte(tok), v})
}

func (e *Emulator) saveProcessorGrantLocked(k tokenKey, g tokenGrant) {
	if e.store != nil {
		e.saveLocked(storeOp{bucketProcessor, k[:], grantRecord{ItemID: g.itemID, Account: g.account, Processor: g.processor}})
	}
}

func (e *Emulator) saveStripeGrantLocked(tok string, g tokenGrant) {
	if e.store != nil {
		e.saveLocked(storeOp{bucketStripe, []byte(tok), grantRecord{ItemID: g.itemID, Account: g.account, Processor: g.processor}})
	}
}

func (e *Emulator) savePartnerSettingsLocked(tok string, s partnerSettings, kept bool) {
	if e.store == nil {
		return
	}
	var v any
	if kept {
		v = partnerRecord{Products: s.products, Webhook: s.webhook}
	}
	e.saveLocked(storeOp{bucketPartner, []byte(tok), v})
}

// dropItemLocked deletes a removed Item and the processor tokens made from it in one commit.
func (e *Emulator) dropItemLocked(it *item, processorKeys []tokenKey) {
	if e.store == nil {
		return
	}
	ops := []storeOp{{bucketItems, []byte(it.id), nil}}
	for _, k := range processorKeys {
		ops = append(ops, storeOp{bucketProcessor, append([]byte(nil), k[:]...), nil},
			storeOp{bucketPartner, []byte(e.tokenString("processor", k)), nil})
	}
	e.saveLocked(ops...)
}

func (it *item) record() itemRecord {
	r := itemRecord{ID: it.id, Institution: it.institution.ID, Shared: it.shared, Products: it.products,
		Webhook: it.webhook, LoginRequired: it.loginRequired, Verification: it.verification, CodeTries: it.codeTries, Created: it.created,
		StatementsFrom: it.statementsWindow.from, StatementsTo: it.statementsWindow.to}
	if it.custom != nil {
		r.Custom, _ = json.Marshal(it.custom) // plain data: cannot fail
	}
	if !it.access.isZero() {
		r.Access = it.access[:]
	}
	if w := it.lastWebhook; w != nil {
		r.LastWebhookAt, r.LastWebhookCode = &w.at, w.code
	}
	r.Synced, r.Dynamic = it.synced, it.dyn.record()
	return r
}

// item rebuilds an Item from its record, refusing one this version cannot serve.
func (r itemRecord) item() (*item, error) {
	in, ok := storedInstitution(r.Institution)
	if !ok {
		return nil, fmt.Errorf("item %s is at institution %q, which this version does not serve", r.ID, r.Institution)
	}
	it := &item{id: r.ID, institution: in, shared: r.Shared, products: internProducts(in, r.Products),
		webhook: r.Webhook, loginRequired: r.LoginRequired, verification: r.Verification, codeTries: r.CodeTries, created: r.Created,
		statementsWindow: stmtWindow{r.StatementsFrom, r.StatementsTo}}
	if len(r.Custom) > 0 {
		cu, perr := parseCustomUser(string(r.Custom))
		if perr != nil {
			return nil, fmt.Errorf("item %s: %s", r.ID, perr.Message)
		}
		it.custom = cu
	}
	switch r.Verification {
	case "", pendingAutomatic, automaticallyVerified, verificationExpired, pendingManual, manuallyVerified, verificationFailed:
	default:
		return nil, fmt.Errorf("item %s has verification_status %q, which this version does not know", r.ID, r.Verification)
	}
	for _, i := range r.Shared {
		if int(i) >= it.templates() {
			return nil, fmt.Errorf("item %s shares account %d of %d", r.ID, i, it.templates())
		}
	}
	if len(r.Access) > 0 {
		if len(r.Access) != len(it.access) {
			return nil, fmt.Errorf("item %s has an access key of %d bytes", r.ID, len(r.Access))
		}
		copy(it.access[:], r.Access)
	}
	if r.LastWebhookAt != nil {
		it.lastWebhook = &sentWebhook{at: *r.LastWebhookAt, code: r.LastWebhookCode}
	}
	it.synced = r.Synced
	if r.Dynamic != nil {
		dyn, err := r.Dynamic.txns(it)
		if err != nil {
			return nil, fmt.Errorf("item %s: %w", r.ID, err)
		}
		it.dyn = dyn
	}
	return it, nil
}
