package emulator

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"plaidwalk/internal/plaidjwt"
)

// Restore is New with its state kept in dir (made when missing): what an earlier emulator
// wrote there is served again, and every change is written before it is answered. The
// emulator's Close closes the file. A state this version cannot read is refused with the
// reason and what to do, never half loaded.
func Restore(o Options, dir string) (*Emulator, error) {
	s, err := openStore(dir)
	if err != nil {
		return nil, fmt.Errorf("emulator state: %w", err)
	}
	e := New(o)
	err = e.load(s)
	if err == nil {
		err = e.keepWebhookKey(s)
	}
	if err != nil {
		e.Close()
		_ = s.close()
		return nil, fmt.Errorf("emulator state: %s: %w; move it away to start with an empty state", s.path, err)
	}
	e.store = s
	return e, nil
}

// load fills the maps from the file; spent and expired public tokens are left out.
func (e *Emulator) load(s *store) error {
	err := s.each(bucketItems, func(_, v []byte) error {
		var r itemRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("an item record is damaged: %w", err)
		}
		it, err := r.item()
		if err != nil {
			return err
		}
		e.items[it.id] = it
		if !it.access.isZero() {
			e.accessTokens[it.access] = it
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := e.loadGrants(s); err != nil {
		return err
	}
	if err := e.loadReports(s); err != nil {
		return err
	}
	if err := e.loadLinkTokens(s); err != nil {
		return err
	}
	if err := e.loadSignals(s); err != nil {
		return err
	}
	now := e.now()
	return s.each(bucketPublic, func(k, v []byte) error {
		var r publicRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("a public token record is damaged: %w", err)
		}
		if !r.Used && now.Before(r.Expires) {
			e.publicTokens[string(k)] = &publicTokenState{itemID: r.ItemID, expires: r.Expires}
		}
		return nil
	})
}

// loadGrants reads the processor and Stripe tokens and the partners' settings.
func (e *Emulator) loadGrants(s *store) error {
	grant := func(v []byte) (tokenGrant, error) {
		var r grantRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return tokenGrant{}, fmt.Errorf("a token record is damaged: %w", err)
		}
		return tokenGrant{itemID: r.ItemID, account: r.Account, processor: internProcessor(r.Processor)}, nil
	}
	err := s.each(bucketProcessor, func(k, v []byte) error {
		g, err := grant(v)
		if err != nil || len(k) != len(tokenKey{}) {
			return fmt.Errorf("a processor token record is damaged (%v)", err)
		}
		e.processorTokens[tokenKey(k)] = g
		return nil
	})
	if err == nil {
		err = s.each(bucketStripe, func(k, v []byte) error {
			g, err := grant(v)
			e.stripeTokens[string(k)] = g
			return err
		})
	}
	if err != nil {
		return err
	}
	return s.each(bucketPartner, func(k, v []byte) error {
		var r partnerRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("a partner settings record is damaged: %w", err)
		}
		if e.partnerSettings == nil {
			e.partnerSettings = map[string]partnerSettings{}
		}
		e.partnerSettings[string(k)] = partnerSettings{products: r.Products, webhook: r.Webhook}
		return nil
	})
}

// keepWebhookKey signs with the key an earlier run stored, so receivers that cached its public
// half keep accepting webhooks; a new state stores the key New made.
func (e *Emulator) keepWebhookKey(s *store) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if raw := meta.Get(keyWebhookKey); raw != nil {
			var r plaidjwt.KeyRecord
			if err := json.Unmarshal(raw, &r); err != nil {
				return fmt.Errorf("the webhook key record is damaged: %w", err)
			}
			k, err := r.Key()
			if err != nil {
				return err
			}
			e.hooks.key = k
			return nil
		}
		r, err := e.hooks.key.Record()
		if err != nil {
			return err
		}
		raw, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return meta.Put(keyWebhookKey, raw)
	})
}

// closeStore closes the state file, if any; Close calls it.
func (e *Emulator) closeStore() {
	if e.store != nil {
		_ = e.store.close()
	}
}
