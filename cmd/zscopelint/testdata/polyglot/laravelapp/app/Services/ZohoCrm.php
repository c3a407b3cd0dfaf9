<?php

namespace App\Services;

use GuzzleHttp\Client;
use Illuminate\Support\Facades\Http;

class ZohoCrm
{
    const API = 'https://www.zohoapis.com/crm/v8';

    private Client $client;

    public function __construct(private string $token)
    {
        $this->client = new Client(['base_uri' => self::API . '/']);
    }

    public function accounts(): array
    {
        return Http::withToken($this->token, 'Zoho-oauthtoken')->get(self::API . '/Accounts')->json('data');
    }

    public function createTask(array $task)
    {
        return $this->client->request('POST', 'Tasks', ['json' => ['data' => [$task]]]);
    }

    public function users()
    {
        return wp_remote_get(self::API . '/users?type=AllUsers');
    }
}
