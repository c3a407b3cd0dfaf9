<?php
// Builds the Zoho consent link by hand, in the shapes such helpers take.
function zohoConsentLink(string $clientId, string $redirect): string
{
    // expect-next: ZS302
    return "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.modules.ALL ZohoCRM.users.READ&client_id={$clientId}&response_type=code&access_type=offline&redirect_uri={$redirect}"; // expect: ZS201
}

// Percent-encoded by hand: the %20 stands between two scopes, not inside one.
const ZOHO_SCOPE_PARAM = 'ZohoCRM.modules.leads.READ%20ZohoCRM.users.READ'; // expect: ZS302

// The same list encoded with commas is what Zoho documents.
const ZOHO_SCOPE_PARAM_OK = 'ZohoCRM.modules.leads.READ%2CZohoCRM.users.READ';
