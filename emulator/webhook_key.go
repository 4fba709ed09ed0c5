package emulator

import "plaidwalk/internal/plaidjwt"

type webhookKeyGetResponse struct {
	Key       plaidjwt.JWK `json:"key"`
	RequestID string       `json:"request_id"`
}

// webhookVerificationKeyGet serves the public key of the emulator's webhook signatures by its
// kid. Each emulator has its own key, so a webhook signed by another one (or by Plaid) is
// refused by a receiver that fetched its key here.
func (e *Emulator) webhookVerificationKeyGet(q *apiRequest) (any, *apiError) {
	var req struct {
		KeyID string `json:"key_id"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if req.KeyID != e.hooks.key.ID() {
		return nil, invalidInput("INVALID_WEBHOOK_VERIFICATION_KEY_ID",
			"no webhook verification key has this key_id; pass the kid from the header of the webhook's Plaid-Verification JWT")
	}
	return webhookKeyGetResponse{Key: e.hooks.key.Public(), RequestID: q.requestID}, nil
}
