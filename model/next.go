package model

// NextFunc spells the tom command line for a next step: sub is a tom
// command ("render", "interview", "review") and the result repeats the file
// and catalogue options the user gave, so that it can be copied as is.
type NextFunc func(sub string) string

// Next spells the next step with f, or as plain "tom SUB" when f is nil.
func (f NextFunc) Next(sub string) string {
	if f == nil {
		return "tom " + sub
	}
	return f(sub)
}
