package emulator

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// checkPDF reads a PDF as a reader does, from the end: %%EOF, startxref, the cross-reference
// table and the trailer; every in-use entry must point at the start of its own "N 0 obj", every
// stream's /Length must end at its endstream, and the trailer's /Root must be the catalog. It
// returns the text of the document's literal strings, in order, for tests to look into. Any
// PDF the emulator serves can be checked with it.
func checkPDF(t *testing.T, data []byte) string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		t.Fatalf("the file does not start with a PDF header: %q", data[:min(len(data), 16)])
	}
	tail := string(data[max(0, len(data)-64):])
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`).FindStringSubmatch(tail)
	if m == nil {
		t.Fatalf("the file does not end with startxref and %%%%EOF: %q", tail)
	}
	xref, _ := strconv.Atoi(m[1])
	if xref >= len(data) || !bytes.HasPrefix(data[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	var count int
	rest := string(data[xref+len("xref\n"):])
	head, body, _ := strings.Cut(rest, "\n")
	if _, err := strconv.Atoi(strings.TrimPrefix(head, "0 ")); err != nil {
		t.Fatalf("bad xref subsection header %q", head)
	}
	count, _ = strconv.Atoi(strings.TrimPrefix(head, "0 "))
	if len(body) < 20*count || body[:20] != "0000000000 65535 f \n" {
		t.Fatalf("the xref table is short or its first entry is not the free head: %q", body[:min(len(body), 20)])
	}
	for i := 1; i < count; i++ {
		entry := body[20*i : 20*i+20]
		off, err := strconv.Atoi(entry[:10])
		if err != nil || entry[10:] != " 00000 n \n" {
			t.Fatalf("xref entry %d is malformed: %q", i, entry)
		}
		if want := strconv.Itoa(i) + " 0 obj\n"; !bytes.HasPrefix(data[off:], []byte(want)) {
			t.Fatalf("xref entry %d points at %q, not at %q", i, data[off:min(off+12, len(data))], want)
		}
	}
	trailer := body[20*count:]
	if !strings.HasPrefix(trailer, "trailer\n<< /Size "+strconv.Itoa(count)+" /Root 1 0 R") {
		t.Fatalf("the trailer does not give /Size %d and /Root 1 0 R: %q", count, trailer)
	}
	if !bytes.Contains(data, []byte("1 0 obj\n<< /Type /Catalog /Pages 2 0 R")) {
		t.Fatal("object 1 is not the catalog")
	}
	checkStreamLengths(t, data)
	var text strings.Builder
	for _, s := range regexp.MustCompile(`\(((?:\\.|[^\\)])*)\)`).FindAllSubmatch(data, -1) {
		text.Write(s[1])
		text.WriteByte('\n')
	}
	return text.String()
}

// checkStreamLengths holds each stream's declared length against where its endstream is.
func checkStreamLengths(t *testing.T, data []byte) {
	t.Helper()
	re := regexp.MustCompile(`/Length (\d+) >>\nstream\n`)
	found := re.FindAllSubmatchIndex(data, -1)
	if len(found) == 0 {
		t.Fatal("the file has no content stream")
	}
	for _, loc := range found {
		n, _ := strconv.Atoi(string(data[loc[2]:loc[3]]))
		if end := loc[1] + n; !bytes.HasPrefix(data[end:], []byte("\nendstream")) {
			t.Fatalf("a stream's /Length %d does not end at its endstream", n)
		}
	}
}

func TestWritePDFIsReadable(t *testing.T) {
	lines := []string{"Plaid Checking (mask 0000)", "2026-11-01  STARBUCKS (#0421) \\ 4.50", "Café", "emoji 😀"}
	text := checkPDF(t, writePDF("Statement (November 2026)", lines))
	for _, want := range []string{`Statement \(November 2026\)`, `STARBUCKS \(#0421\) \\ 4.50`, `Caf\351`, "emoji ?", "page 1 of 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
}

func TestWritePDFPagesAndDeterminism(t *testing.T) {
	lines := make([]string, 2*pdfLinesOnPage+1)
	for i := range lines {
		lines[i] = "line " + strconv.Itoa(i)
	}
	a, b := writePDF("t", lines), writePDF("t", lines)
	if !bytes.Equal(a, b) {
		t.Fatal("the same lines gave two different files")
	}
	text := checkPDF(t, a)
	if !strings.Contains(string(a), "/Count 3") || !strings.Contains(text, "page 3 of 3") {
		t.Fatalf("%d lines did not make 3 pages", len(lines))
	}
	if !strings.Contains(text, "line "+strconv.Itoa(len(lines)-1)) {
		t.Fatal("the last line is missing")
	}
	checkPDF(t, writePDF("empty", nil))
}
