// Package resty is a stand-in with the shape of github.com/go-resty/resty/v2's request
// builder, for the analyzer's tests (not the library).
package resty

type Client struct{}

type Request struct{}

type Response struct{}

func New() *Client { return &Client{} }

func (c *Client) R() *Request { return &Request{} }

func (r *Request) SetPathParam(param, value string) *Request       { return r }
func (r *Request) SetPathParams(params map[string]string) *Request { return r }
func (r *Request) SetAuthToken(token string) *Request              { return r }

func (r *Request) Get(url string) (*Response, error)             { return nil, nil }
func (r *Request) Post(url string) (*Response, error)            { return nil, nil }
func (r *Request) Execute(method, url string) (*Response, error) { return nil, nil }
