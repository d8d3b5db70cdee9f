package render

import "bytes"

// roomy returns an empty buffer with room for n bytes. Buffer.Grow clears
// the room it makes, touching every page of a large buffer at once; the
// room of a new slice is touched only as it is written.
func roomy(n int) bytes.Buffer { return *bytes.NewBuffer(make([]byte, 0, n)) }
