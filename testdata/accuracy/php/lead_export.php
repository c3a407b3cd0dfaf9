<?php
// Nightly export of new Zoho CRM leads to the warehouse, with plain cURL (no SDK).
// The "scope" header is sent on every call; it is the set the app was registered with.

function zoho_get(string $token, string $url): array
{
    $ch = curl_init();
    curl_setopt_array($ch, array(
        CURLOPT_URL => $url,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_HTTPHEADER => array(
            "Authorization: Zoho-oauthtoken " . $token,
            "Content-Type: application/json",
            "scope: ZohoCRM.modules.ALL,ZohoCRM.modules.leads.READ", // expect: ZS201,ZS202
        ),
    ));
    $body = curl_exec($ch);
    curl_close($ch);
    return json_decode($body, true)['data'] ?? [];
}
