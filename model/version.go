package model

import (
	"fmt"
	"strconv"
	"strings"
)

func sscanVersion(s string, maj, min *int) (int, error) {
	p := strings.SplitN(s, ".", 2)
	if len(p) != 2 {
		return 0, fmt.Errorf("bad version")
	}
	a, err := strconv.Atoi(p[0])
	if err != nil {
		return 0, err
	}
	b, err := strconv.Atoi(p[1])
	if err != nil {
		return 0, err
	}
	*maj, *min = a, b
	return 2, nil
}

func formatVersion(maj, min int) string { return strconv.Itoa(maj) + "." + strconv.Itoa(min) }
