//go:build unix

package sessions

import (
	"io/fs"
	"syscall"
)

// ownerOf is the uid that owns a file, when the system says.
func ownerOf(info fs.FileInfo) (int, bool) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return int(st.Uid), true
	}
	return 0, false
}
