package model

import "testing"

// BenchmarkDecodeTape: the generated decoder reading the shipped tapes of
// the catalogue and the support table (their headers, sums included), not
// indexing them.
func BenchmarkDecodeTape(b *testing.B) {
	catData, tableData := shippedFiles(b)
	catTape, tableTape := shippedTapes(b)
	b.ReportAllocs()
	for b.Loop() {
		var c Catalog
		var t SupportTable
		if !decodeTapeCatalog(catTape, catData, &c) || !decodeTapeSupportTable(tableTape, tableData, &t) {
			b.Fatal("a shipped tape is not read")
		}
	}
}
