package configcheck

import "strconv"

var (
	strconvItoa  = strconv.Itoa
	strconvQuote = strconv.Quote
)
