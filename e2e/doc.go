// Package e2e holds the end-to-end tests of the built plaidwalk binary: tmux types at it as a
// person would, and headless Chromium clicks through the emulated Link it opens.
package e2e
