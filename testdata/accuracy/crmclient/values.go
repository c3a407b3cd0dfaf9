package crmclient

import "net/url"

// authParams builds the query of the authorization request by hand.
func authParams(clientID, redirect string) url.Values {
	return url.Values{
		"client_id":     {clientID},
		"response_type": {"code"},
		"redirect_uri":  {redirect},
		"scope":         {"ZohoCRM.modules.deals.READ ZohoCRM.users.READ"}, // expect: ZS302
		"access_type":   {"offline"},
	}
}

// refreshURL is filled in at run time with fmt.Sprintf.
const refreshURL = "https://accounts.zoho.com/oauth/v2/token?refresh_token=%s&client_id=%s&client_secret=%s&grant_type=refresh_token"

// authURL is filled in at run time with fmt.Sprintf.
const authURL = "https://accounts.zoho.com/oauth/v2/auth?scope=%s&client_id=%s&response_type=code&access_type=offline&redirect_uri=%s"

const wrongAccess = "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.users.READ&client_id=%s&response_type=code&access_type=always&redirect_uri=%s" // expect: ZS302
