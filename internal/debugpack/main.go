// Command debugpack recompresses the DWARF sections of a 64-bit little-endian ELF binary with
// zstd at level 19, in place. `make build` runs it on bin/plaidwalk: the Go linker compresses
// debug sections with zlib and binutils' objcopy can only switch them to zstd's default level,
// which leaves about 0.5 MB on the table. Every section, symbol and byte of debug information
// stays; readers that understand SHF_COMPRESSED sections with zstd (Go's debug/elf, delve, gdb,
// readelf) see the same DWARF as before.
//
// Usage: go run ./internal/debugpack FILE
//
// It needs the zstd program on PATH and changes nothing when it is missing or anything about
// the file is unexpected.
package main

import (
	"fmt"
	"os"
	"os/exec"
)

func main() {
	if len(os.Args) != 2 || os.Args[1] == "-h" || os.Args[1] == "--help" {
		fmt.Fprintln(os.Stderr, "usage: debugpack FILE\n\nRecompresses FILE's compressed DWARF sections with zstd -19, in place (needs zstd on PATH).")
		os.Exit(2)
	}
	if _, err := exec.LookPath("zstd"); err != nil {
		fmt.Fprintf(os.Stderr, "debugpack: %s left as it was: the zstd program is not on PATH (Debian: apt-get install zstd)\n", os.Args[1])
		os.Exit(1)
	}
	if err := repackFile(os.Args[1], zstdCompress); err != nil {
		fmt.Fprintf(os.Stderr, "debugpack: %s left as it was: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

// repackFile rewrites path through repack, writing a sibling file and renaming it over the
// original so that a failure midway leaves the binary untouched.
func repackFile(path string, compress compressor) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := repack(data, compress)
	if err != nil {
		return err
	}
	tmp := path + ".debugpack"
	if err := os.WriteFile(tmp, out, info.Mode().Perm()); err != nil {
		return err
	}
	if err := os.Chmod(tmp, info.Mode().Perm()); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}
