<?php
// Laravel config/services.php of a Zoho Books sync: a developer's values kept as defaults.
return [
    'zoho' => [
        'client_id' => env('ZOHO_CLIENT_ID', '1000.7K2QW9XJ4M'),
        // The default below is what runs wherever ZOHO_CLIENT_SECRET is unset, and it is in git.
        'client_secret' => env('ZOHO_CLIENT_SECRET', '4be0c7d19a2f3e58b6c0d4a7e1f92b3c5d8a0e6f17'), // expect: ZS301
        'redirect' => env('ZOHO_REDIRECT_URI', 'https://books.example.com/zoho/callback'),
        'app_key' => env('APP_KEY', '9f3b2a71c0d84e6f5a1b2c3d4e5f60718293a4b5c6'),
    ],
];
