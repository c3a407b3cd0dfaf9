// Package crmdyn builds some URLs at run time: the module and the method are not known.
package crmdyn

import "net/http"

const base = "https://www.zohoapis.com/crm/v8/"

func Get(module string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, base+module, nil)
}

func Deals(method string) (*http.Request, error) {
	return http.NewRequest(method, base+"Deals", nil)
}
