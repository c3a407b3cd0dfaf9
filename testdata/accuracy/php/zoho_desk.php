<?php
// Laravel config/zoho_desk.php of a support portal. The EU org's token was added beside the
// US hosts when the company moved data centres; the US token and hosts are still in use.
return [
    'us' => [
        'refresh_token' => env('ZOHO_US_REFRESH_TOKEN'),
        'api_domain' => 'https://www.zohoapis.com',
        'accounts_url' => 'https://accounts.zoho.com',
    ],
    'default' => [
        'refresh_token' => env('ZOHO_REFRESH_TOKEN'), // expect: ZS303
        'api_domain' => env('ZOHO_API_DOMAIN', 'https://www.zohoapis.eu'),
        'accounts_url' => env('ZOHO_ACCOUNTS_URL', 'https://accounts.zoho.com'),
    ],
];
