package main

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sort"
	"strings"
	"sync"
)

// compressor turns a section's uncompressed bytes into a zstd frame.
type compressor func([]byte) ([]byte, error)

// zstdCompress runs the zstd program at level 19: Go's standard library only decompresses zstd.
func zstdCompress(raw []byte) ([]byte, error) {
	cmd := exec.Command("zstd", "-19", "-q", "-c", "--no-check")
	cmd.Stdin = bytes.NewReader(raw)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("zstd: %v %s", err, strings.TrimSpace(errb.String()))
	}
	return out.Bytes(), nil
}

const (
	shdrSize  = 64 // Elf64_Shdr
	chdrSize  = 24 // Elf64_Chdr
	elfZstd   = 2  // ELFCOMPRESS_ZSTD
	shOffAt   = 24 // offsets of fields inside an Elf64_Shdr
	shSizeAt  = 32
	shAlignAt = 48
)

// section is one non-allocated section to lay out again at the end of the file.
type section struct {
	index int
	hdr   []byte // its 64-byte header, a copy to edit
	body  []byte
	align uint64
}

// repack returns data with every compressed .debug_* section recompressed by compress. The
// loaded part of the file (everything before the first non-allocated section) is kept byte for
// byte but for the section headers when they sit there; the non-allocated sections are laid out
// again after it.
func repack(data []byte, compress compressor) ([]byte, error) {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if f.Class != elf.ELFCLASS64 || f.Data != elf.ELFDATA2LSB {
		return nil, errors.New("only 64-bit little-endian ELF files are handled")
	}
	le := binary.LittleEndian
	shoff, shnum := le.Uint64(data[0x28:]), int(le.Uint16(data[0x3c:]))
	if le.Uint16(data[0x3a:]) != shdrSize || shnum != len(f.Sections) || shoff+uint64(shnum)*shdrSize > uint64(len(data)) {
		return nil, errors.New("unexpected section header table")
	}
	tail, secs, err := trailingSections(data, f, shoff)
	if err != nil {
		return nil, err
	}
	if err := recompress(f, secs, compress); err != nil {
		return nil, err
	}
	out := append([]byte(nil), data[:tail]...)
	for _, s := range secs {
		out = pad(out, s.align)
		le.PutUint64(s.hdr[shOffAt:], uint64(len(out)))
		le.PutUint64(s.hdr[shSizeAt:], uint64(len(s.body)))
		out = append(out, s.body...)
	}
	tableEnd := shoff + uint64(shnum)*shdrSize
	table := append([]byte(nil), data[shoff:tableEnd]...)
	for _, s := range secs {
		copy(table[s.index*shdrSize:], s.hdr)
	}
	if tableEnd <= tail { // the Go linker writes it just after the program headers: edit it there
		copy(out[shoff:], table)
		return out, nil
	}
	out = pad(out, 8)
	le.PutUint64(out[0x28:], uint64(len(out)))
	return append(out, table...), nil
}

// trailingSections finds the non-allocated sections with bytes in the file, in file order, and
// checks that no segment the loader maps reaches into them, so moving them is safe.
func trailingSections(data []byte, f *elf.File, shoff uint64) (uint64, []*section, error) {
	var secs []*section
	tail := uint64(len(data))
	for i, s := range f.Sections {
		if i == 0 || s.Flags&elf.SHF_ALLOC != 0 || s.Type == elf.SHT_NOBITS {
			continue
		}
		hdr := append([]byte(nil), data[shoff+uint64(i)*shdrSize:][:shdrSize]...)
		off, size := binary.LittleEndian.Uint64(hdr[shOffAt:]), binary.LittleEndian.Uint64(hdr[shSizeAt:])
		if off+size > uint64(len(data)) {
			return 0, nil, fmt.Errorf("section %s runs past the end of the file", s.Name)
		}
		align := max(binary.LittleEndian.Uint64(hdr[shAlignAt:]), 1)
		secs = append(secs, &section{index: i, hdr: hdr, body: data[off : off+size], align: align})
		tail = min(tail, off)
	}
	if shoff < tail && shoff+uint64(len(f.Sections))*shdrSize > tail {
		return 0, nil, errors.New("the section header table overlaps the debug sections")
	}
	for _, p := range f.Progs {
		if p.Filesz > 0 && p.Off+p.Filesz > tail {
			return 0, nil, errors.New("a loaded segment overlaps the debug sections")
		}
	}
	sort.Slice(secs, func(a, b int) bool {
		return binary.LittleEndian.Uint64(secs[a].hdr[shOffAt:]) < binary.LittleEndian.Uint64(secs[b].hdr[shOffAt:])
	})
	return tail, secs, nil
}

// recompress replaces the body of each compressed .debug_* section, on all cores at once.
func recompress(f *elf.File, secs []*section, compress compressor) error {
	var wg sync.WaitGroup
	errs := make([]error, len(secs))
	for n, s := range secs {
		es := f.Sections[s.index]
		if es.Flags&elf.SHF_COMPRESSED == 0 || !strings.HasPrefix(es.Name, ".debug_") {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[n] = recompressOne(es, s, compress)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// recompressOne reads the section's DWARF through debug/elf (which undoes zlib or zstd) and
// stores it again behind a zstd compression header.
func recompressOne(es *elf.Section, s *section, compress compressor) error {
	raw, err := io.ReadAll(es.Open())
	if err != nil {
		return fmt.Errorf("%s: %v", es.Name, err)
	}
	z, err := compress(raw)
	if err != nil {
		return fmt.Errorf("%s: %v", es.Name, err)
	}
	if chdrSize+len(z) >= len(s.body) {
		return nil // no better than what is there
	}
	chdr := make([]byte, chdrSize, chdrSize+len(z))
	binary.LittleEndian.PutUint32(chdr[0:], elfZstd)
	binary.LittleEndian.PutUint64(chdr[8:], uint64(len(raw)))
	binary.LittleEndian.PutUint64(chdr[16:], max(es.Addralign, 1))
	s.body = append(chdr, z...)
	return nil
}

// pad grows b with zeros to a multiple of align.
func pad(b []byte, align uint64) []byte {
	for uint64(len(b))%align != 0 {
		b = append(b, 0)
	}
	return b
}
