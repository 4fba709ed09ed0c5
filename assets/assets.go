// Package assets holds the files plaidwalk embeds: the partner catalog, the local Link page
// served by linkserver, and the emulated Link UI served by the offline emulator.
package assets

import "embed"

// PartnersJSON is the partner catalog; plaidflow parses it.
//
//go:embed partners.json
var PartnersJSON []byte

// LinkPage holds the templates and static files of the page linkserver serves (linkpage/).
//
//go:embed linkpage
var LinkPage embed.FS

// EmulatedLink holds the emulated Link: its drop-in link-initialize.js and its UI (emulink/).
//
//go:embed emulink
var EmulatedLink embed.FS
