<?php

return [
    'client_id' => env('ZOHO_CLIENT_ID'),
    'scopes' => 'ZohoCRM.modules.ALL,ZohoCRM.settings.ALL',
];
