package render

import "errors"

// WriteDOCX returns the document as DOCX.
func WriteDOCX(d *Document) ([]byte, error) { return nil, errors.New("docx: not yet") }
