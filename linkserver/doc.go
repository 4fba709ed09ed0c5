// Package linkserver is the loopback web server that serves the Plaid Link page for one
// link_token and receives Link's callbacks (onLoad, onEvent, onSuccess, onExit) from it.
package linkserver
