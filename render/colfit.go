package render

import (
	"unicode"
	"unicode/utf8"
)

// maxKeptWord is the longest word (in characters) a column is widened for;
// longer ones (URLs, hashes) may break.
const maxKeptWord = 30

// longestPart returns the rune length of the longest piece of s that cannot
// be broken: words split at white space and after hyphens, where every
// writer (and Word, LibreOffice, browsers) may break a line. At most
// maxKeptWord.
func longestPart(s string) int {
	m, n := 0, 0 // the longest part, the characters of the current one
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII, most text: no decoding; white space as unicode.IsSpace.
			i++
			switch c {
			case ' ', '\t', '\n', '\v', '\f', '\r':
				n = 0
				continue
			case '-':
				m, n = max(m, n+1), 0
			default:
				n++
				m = max(m, n)
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsSpace(r) {
				n = 0
				continue
			}
			n++
			m = max(m, n)
		}
		if m >= maxKeptWord {
			return maxKeptWord // no part counts for more
		}
	}
	return m
}

// fitColumns returns relative column widths (summing to 1) for a table laid
// out across capacity character widths, with pad character widths of cell
// padding per column: the given widths (equal where missing) where they
// leave every column room for its longest unbreakable word, else such
// columns widened at the expense of those with room to spare, so that no
// ordinary word is broken inside ("Änderunge|n"). When the words cannot all
// fit, the room is shared in proportion to them.
func fitColumns(rel []float64, header []string, rows [][]string, capacity, pad float64) []float64 {
	words := make([]int, len(header))
	for i := range words {
		lw := longestPart(header[i])
		for _, r := range rows {
			if lw == maxKeptWord {
				break // no cell can ask for more
			}
			if i < len(r) {
				lw = max(lw, longestPart(r[i]))
			}
		}
		words[i] = lw
	}
	return fitWords(rel, words, capacity, pad)
}

// fitWords is fitColumns for the longest unbreakable word of each column
// (header and cells), in characters.
func fitWords(rel []float64, words []int, capacity, pad float64) []float64 {
	n := len(words)
	w := make([]float64, n)
	sum := 0.0
	for i := range w {
		w[i] = 1.0 / float64(n)
		if i < len(rel) && rel[i] > 0 {
			w[i] = rel[i]
		}
		sum += w[i]
	}
	need := make([]float64, n)
	total := 0.0
	for i := range w {
		w[i] /= sum
		need[i] = (float64(words[i]) + pad) / capacity
		total += need[i]
	}
	if total > 1 {
		for i := range need {
			need[i] /= total
		}
	}
	deficit, slack := 0.0, 0.0
	for i := range w {
		if w[i] < need[i] {
			deficit += need[i] - w[i]
		} else {
			slack += w[i] - need[i]
		}
	}
	if deficit == 0 || slack == 0 {
		return w
	}
	for i := range w {
		if w[i] < need[i] {
			w[i] = need[i]
		} else {
			w[i] -= (w[i] - need[i]) * deficit / slack
		}
	}
	return w
}
