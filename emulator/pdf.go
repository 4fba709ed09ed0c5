package emulator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
)

// The emulator's PDF files (a bank statement, an Asset Report) are small text documents built
// here by hand: PDF 1.4 with the two standard fonts every reader has (Helvetica-Bold for the
// title, Courier for the lines, so columns line up), one content stream per page and an exact
// cross-reference table, so any real reader (Preview, pdf.js, poppler, qpdf --check) opens them.
// Nothing is embedded and nothing depends on the clock, so the same lines give the same bytes.

// Page geometry: US Letter in points, a 50 pt margin, 9 pt Courier on 11 pt lines.
const (
	pdfPageWidth   = 612
	pdfPageHeight  = 792
	pdfMargin      = 50
	pdfLineHeight  = 11
	pdfLinesOnPage = (pdfPageHeight - 2*pdfMargin - 40) / pdfLineHeight // 40 pt for the title
)

// writePDF renders title and lines as a PDF document: the title on top of every page, the lines
// below it in a monospace font, as many pages as they need (at least one). Text outside Latin-1
// is shown as '?', since the standard fonts have no other glyphs. Reuse it for any PDF the
// emulator serves.
func writePDF(title string, lines []string) []byte {
	pages := max(1, (len(lines)+pdfLinesOnPage-1)/pdfLinesOnPage)
	var w pdfWriter
	w.buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") // the binary comment tells transfer tools the file is binary
	w.object("<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]byte, 0, pages*10)
	for i := range pages {
		kids = append(kids, strconv.Itoa(6+2*i)+" 0 R "...)
	}
	w.object("<< /Type /Pages /Kids [" + string(kids) + "] /Count " + strconv.Itoa(pages) + " >>")
	w.object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	w.object("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
	w.object("<< /Title " + pdfString(title) + " /Producer (plaidwalk emulator) >>")
	for i := range pages {
		page := lines[min(i*pdfLinesOnPage, len(lines)):min((i+1)*pdfLinesOnPage, len(lines))]
		content := pageContent(title, page, i+1, pages)
		w.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + strconv.Itoa(pdfPageWidth) + " " + strconv.Itoa(pdfPageHeight) +
			"] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents " + strconv.Itoa(7+2*i) + " 0 R >>")
		w.object("<< /Length " + strconv.Itoa(len(content)) + " >>\nstream\n" + content + "\nendstream")
	}
	return w.finish("<< /Size " + strconv.Itoa(len(w.offsets)+1) + " /Root 1 0 R /Info 5 0 R >>")
}

// pageContent draws one page: the title, its lines, and "page i of n" at the foot.
func pageContent(title string, lines []string, page, pages int) string {
	var b bytes.Buffer
	top := pdfPageHeight - pdfMargin
	b.WriteString("BT /F1 14 Tf " + strconv.Itoa(pdfMargin) + " " + strconv.Itoa(top-14) + " Td " + pdfString(title) + " Tj ET\n")
	b.WriteString("BT /F2 9 Tf " + strconv.Itoa(pdfLineHeight) + " TL " + strconv.Itoa(pdfMargin) + " " + strconv.Itoa(top-40) + " Td\n")
	for i, l := range lines {
		if i > 0 {
			b.WriteString("T* ")
		}
		b.WriteString(pdfString(l) + " Tj\n")
	}
	b.WriteString("ET\n")
	foot := "page " + strconv.Itoa(page) + " of " + strconv.Itoa(pages)
	b.WriteString("BT /F2 8 Tf " + strconv.Itoa(pdfMargin) + " " + strconv.Itoa(pdfMargin/2) + " Td " + pdfString(foot) + " Tj ET")
	return b.String()
}

// pdfWriter numbers objects from 1 in the order written and remembers where each starts, for
// the cross-reference table.
type pdfWriter struct {
	buf     bytes.Buffer
	offsets []int
}

func (w *pdfWriter) object(body string) {
	w.offsets = append(w.offsets, w.buf.Len())
	w.buf.WriteString(strconv.Itoa(len(w.offsets)) + " 0 obj\n" + body + "\nendobj\n")
}

// finish writes the cross-reference table (entries of exactly 20 bytes, as the format demands),
// the trailer and the pointer to the table.
func (w *pdfWriter) finish(trailer string) []byte {
	xref := w.buf.Len()
	w.buf.WriteString("xref\n0 " + strconv.Itoa(len(w.offsets)+1) + "\n0000000000 65535 f \n")
	for _, off := range w.offsets {
		s := strconv.Itoa(off)
		w.buf.WriteString("0000000000"[len(s):] + s + " 00000 n \n")
	}
	w.buf.WriteString("trailer\n" + trailer + "\nstartxref\n" + strconv.Itoa(xref) + "\n%%EOF\n")
	return w.buf.Bytes()
}

// pdfString is s as a PDF literal string in WinAnsi: parentheses and backslashes escaped,
// Latin-1 letters as octal escapes, control characters as spaces and anything else as '?'.
func pdfString(s string) string {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '(')
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b = append(b, '\\', byte(r))
		case r >= 0x20 && r < 0x7f:
			b = append(b, byte(r))
		case r < 0x20 || r == 0x7f:
			b = append(b, ' ')
		case r >= 0xa0 && r <= 0xff:
			b = append(b, '\\', byte('0'+r>>6), byte('0'+(r>>3)&7), byte('0'+r&7))
		default:
			b = append(b, '?')
		}
	}
	return string(append(b, ')'))
}

// pdfResponse is a handler's answer that is a file, not JSON: serveAPI sends its bytes as
// application/pdf. Statements also carry Plaid-Content-Hash, the file's SHA-256 in hex, which
// Plaid documents for /statements/download so a client can check what it saved. A file has no
// body to carry the request_id: Plaid sends it in the Plaid-Request-ID header instead (the spec
// says so for the Asset Report PDFs).
type pdfResponse struct {
	data        []byte
	contentHash bool
	requestID   string
}

func writePDFResponse(w http.ResponseWriter, p pdfResponse) {
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(p.data)))
	if p.requestID != "" {
		h.Set("Plaid-Request-ID", p.requestID)
	}
	if p.contentHash {
		sum := sha256.Sum256(p.data)
		h.Set("Plaid-Content-Hash", hex.EncodeToString(sum[:]))
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(p.data)
}
