package main

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestRepackKeepsEverySectionsContent repacks a freshly built Go binary (its DWARF compressed
// with zlib by the linker) and checks the result is smaller, its debug sections are now zstd, and every section,
// segment and symbol reads back exactly as before.
func TestRepackKeepsEverySectionsContent(t *testing.T) {
	before := buildSample(t)
	out, err := repack(before, zstdCompress)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) >= len(before) {
		t.Errorf("repacked file is %d bytes, not smaller than %d", len(out), len(before))
	}
	a, b := openELF(t, before), openELF(t, out)
	if len(a.Sections) != len(b.Sections) {
		t.Fatalf("%d sections became %d", len(a.Sections), len(b.Sections))
	}
	zstdSections := 0
	for i, sa := range a.Sections {
		sb := b.Sections[i]
		if sa.Name != sb.Name || sa.Type != sb.Type || sa.Addr != sb.Addr || sa.Flags != sb.Flags {
			t.Errorf("section %d header changed: %+v became %+v", i, sa.SectionHeader, sb.SectionHeader)
		}
		if sa.Type == elf.SHT_NOBITS {
			continue
		}
		da, errA := sa.Data()
		db, errB := sb.Data()
		if errA != nil || errB != nil || !bytes.Equal(da, db) {
			t.Errorf("section %s reads differently after repacking (errors %v, %v)", sa.Name, errA, errB)
		}
		if sb.Flags&elf.SHF_COMPRESSED != 0 && compressionType(out, sb) == elfZstd {
			zstdSections++
		}
	}
	if zstdSections == 0 {
		t.Error("no section ended up zstd-compressed")
	}
	// The loaded part stays byte for byte, but for the section header table the Go linker
	// puts there, whose offsets now point at the new sections.
	shoff := binary.LittleEndian.Uint64(before[0x28:])
	tableEnd := shoff + uint64(len(a.Sections))*64
	if loaded := firstDebugOffset(a); !bytes.Equal(before[:shoff], out[:shoff]) || !bytes.Equal(before[tableEnd:loaded], out[tableEnd:loaded]) {
		t.Errorf("the %d bytes the loader maps changed", loaded)
	}
	if _, err := b.DWARF(); err != nil {
		t.Errorf("DWARF no longer reads: %v", err)
	}
}

// TestRepackFileLeavesTheFileAloneOnFailure checks that a compressor error leaves the binary
// byte for byte as it was and no temporary file behind.
func TestRepackFileLeavesTheFileAloneOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bin")
	before := buildSample(t)
	if err := os.WriteFile(path, before, 0o755); err != nil {
		t.Fatal(err)
	}
	failing := func([]byte) ([]byte, error) { return nil, errors.New("compressor broke") }
	if err := repackFile(path, failing); err == nil {
		t.Fatal("repackFile reported success with a failing compressor")
	}
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the file changed after a failed repack (read error %v)", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %d entries, want only the binary", len(entries))
	}
}

// TestRepackRejectsWhatItCannotMove checks that a file that is not ELF is refused.
func TestRepackRejectsWhatItCannotMove(t *testing.T) {
	if _, err := repack([]byte("#!/bin/sh\necho not elf\n"), zstdCompress); err == nil {
		t.Error("a shell script was accepted as ELF")
	}
}

// buildSample builds this command with debug information (test binaries are linked without it).
func buildSample(t *testing.T) []byte {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "sample")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func openELF(t *testing.T, data []byte) *elf.File {
	t.Helper()
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// firstDebugOffset is where the non-allocated sections start: the bytes before it are loaded.
func firstDebugOffset(f *elf.File) uint64 {
	first := ^uint64(0)
	for _, s := range f.Sections[1:] {
		if s.Flags&elf.SHF_ALLOC == 0 && s.Type != elf.SHT_NOBITS {
			first = min(first, s.Offset)
		}
	}
	return first
}

// compressionType reads ch_type from the section's compression header.
func compressionType(file []byte, s *elf.Section) uint32 {
	return binary.LittleEndian.Uint32(file[s.Offset:])
}
