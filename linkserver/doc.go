// Package linkserver is the loopback web server that serves the Plaid Link page for one
// link_token and receives Link's callbacks (onLoad, onEvent, onSuccess, onExit) from it. It
// also holds the one webhook receiver (Receiver: signature checked by kid against the sending
// emulator's key), which `plaidwalk listen` serves on its own port and a walk serves behind a
// per-session secret (WebhookServer).
package linkserver
