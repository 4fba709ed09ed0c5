package emulator

import "net/http"

// serveLink serves the emulated Link (paths under /link/v2/ and /link/emulated/).
// Placeholder until the emulated Link lands.
func (e *Emulator) serveLink(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r)
}
