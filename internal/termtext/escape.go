package termtext

// Escape sequences, after ECMA-48 and what xterm-style terminals act on. Each skip function
// gets the index of the sequence's first rune and returns the index of its last one, so a
// caller's loop resumes right after it.

const (
	esc = 0x1b
	bel = 0x07
	// 8-bit (C1) introducers, as UTF-8 encoded runes U+0080..U+009F.
	c1DCS = 0x90
	c1SOS = 0x98
	c1CSI = 0x9b
	c1ST  = 0x9c
	c1OSC = 0x9d
	c1PM  = 0x9e
	c1APC = 0x9f
)

// sequenceEnd reports whether an escape sequence starts at i and, if so, where it ends.
func sequenceEnd(rs []rune, i int) (int, bool) {
	switch rs[i] {
	case esc:
		return skipEscape(rs, i), true
	case c1CSI:
		return skipCSI(rs, i+1), true
	case c1OSC, c1DCS, c1SOS, c1PM, c1APC:
		return skipString(rs, i+1), true
	}
	return i, false
}

// skipEscape handles a sequence that starts with ESC: CSI, the string sequences (OSC, DCS,
// SOS, PM, APC), or a short escape such as ESC ( B or ESC 7.
func skipEscape(rs []rune, i int) int {
	if i+1 >= len(rs) {
		return i
	}
	switch rs[i+1] {
	case '[':
		return skipCSI(rs, i+2)
	case ']', 'P', 'X', '^', '_':
		return skipString(rs, i+2)
	}
	// nF/Fp/Fe/Fs escapes: any intermediates (0x20..0x2f), then one final (0x30..0x7e).
	j := i + 1
	for j < len(rs) && rs[j] >= 0x20 && rs[j] <= 0x2f {
		j++
	}
	if j < len(rs) && rs[j] >= 0x30 && rs[j] <= 0x7e {
		return j
	}
	return j - 1
}

// skipCSI skips a control sequence's parameters and intermediates up to its final byte
// (0x40..0x7e). A rune that cannot belong to a CSI ends it early and is left for the caller,
// as a terminal would then act on (or, here, clean) that rune on its own.
func skipCSI(rs []rune, i int) int {
	for ; i < len(rs); i++ {
		switch r := rs[i]; {
		case r >= 0x40 && r <= 0x7e:
			return i
		case r < 0x20 || r > 0x3f:
			return i - 1
		}
	}
	return len(rs) - 1
}

// skipString skips the payload of OSC, DCS, SOS, PM or APC up to its terminator: BEL, ST
// (ESC \ or C1 0x9c). Any other ESC aborts the string and starts a new sequence, so it is
// left for the caller. An unterminated string runs to the end of the text: a terminal would
// swallow it all the same.
func skipString(rs []rune, i int) int {
	for ; i < len(rs); i++ {
		switch {
		case rs[i] == bel || rs[i] == c1ST:
			return i
		case rs[i] == esc:
			if i+1 < len(rs) && rs[i+1] == '\\' {
				return i + 1
			}
			return i - 1
		}
	}
	return len(rs) - 1
}
