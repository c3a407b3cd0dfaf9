<?php
// Zoho CRM connector settings (Laravel config/zoho.php).
return [
    'client_id' => env('ZOHO_CLIENT_ID'),
    'client_secret' => env('ZOHO_CLIENT_SECRET'),
    'scope' => 'ZohoCRM.modules.ALLL,ZohoCRM.users.READ', // expect: ZS104
    'accounts_url' => 'https://accounts.zoho.com',
];
