package render

import "errors"

// WritePDF returns the document as PDF.
func WritePDF(d *Document) ([]byte, error) { return nil, errors.New("pdf: not yet") }
