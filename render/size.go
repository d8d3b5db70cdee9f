package render

// cellBytes returns the bytes and the number of the cells of the document's
// tables and registers, most of a long document: the writers size their
// output buffers by it rather than grow them step by step.
func (d *Document) cellBytes() (size, cells int) { return cellBytes(d.Blocks) }

// cellBytes is Document.cellBytes for some of its blocks.
func cellBytes(blocks []Block) (size, cells int) {
	count := func(rows [][]string) {
		for _, row := range rows {
			cells += len(row)
			for _, c := range row {
				size += len(c)
			}
		}
	}
	for _, bl := range blocks {
		switch x := bl.(type) {
		case *Table:
			count(x.Rows)
		case *Records:
			count(x.Rows)
		}
	}
	return size, cells
}
