// Command desksync copies CRM contacts into a help desk; its scopes are built with the SDK.
package main

import sdk "example.com/accuracy/zohosdk"

func main() {
	client := &sdk.Client{}
	scopes := []sdk.ScopeString{
		sdk.BuildScope(sdk.CRM, sdk.Modules, "contacts", sdk.Read),
		sdk.BuildScope(sdk.CRM, sdk.Modules, "contacts", "REED"), // expect: ZS104
	}
	// Field names are all it reads of the settings, but every setting was added "for now".
	scopes = append(scopes, sdk.BuildScope(sdk.CRM, sdk.Settings, "", sdk.All)) // expect: ZS201
	for _, s := range scopes {
		client.WithScope(s)
	}
	client.WithScope(sdk.BuildScope(sdk.CRM, sdk.Modules, "", sdk.All)) // expect: ZS201
}
