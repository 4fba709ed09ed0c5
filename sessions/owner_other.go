//go:build !unix

package sessions

import "io/fs"

// ownerOf: outside Unix there are no uids to compare; the owner check is skipped.
func ownerOf(fs.FileInfo) (int, bool) { return 0, false }
