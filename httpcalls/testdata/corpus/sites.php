<?php
// Call sites in the shapes public PHP code sends Zoho API requests in (our own code).
use GuzzleHttp\Client;
use Illuminate\Support\Facades\Http;

const ZOHO_CRM = 'https://www.zohoapis.com/crm/v8';
define('ZOHO_BOOKS', 'https://www.zohoapis.com/books/v3');

class ZohoCrm
{
    private string $base = 'https://www.zohoapis.com/crm/v8';
    private Client $client;

    public function __construct(private string $token)
    {
        $this->client = new Client(['base_uri' => 'https://www.zohoapis.com/crm/v8/', 'timeout' => 10]);
    }

    public function leads(): array
    {
        $res = $this->client->request('GET', 'Leads', ['headers' => $this->headers()]); // want guzzle-base GET /crm/v8/Leads exact ZohoCRM.modules.leads.READ
        return json_decode((string) $res->getBody(), true);
    }

    public function createContact(array $c)
    {
        return $this->client->post('Contacts', ['json' => ['data' => [$c]]]); // want guzzle-base POST /crm/v8/Contacts exact ZohoCRM.modules.contacts.CREATE
    }

    public function deal(string $id)
    {
        return Http::withToken($this->token)->get("{$this->base}/Deals/{$id}"); // want laravel GET /crm/v8/Deals/{…} partial ZohoCRM.modules.deals.READ | ZohoCRM.modules.deals.READ and ZohoSearch.securesearch.READ
    }

    public function deleteDeal(string $id)
    {
        return Http::withToken($this->token)->delete(ZOHO_CRM . '/Deals/' . $id); // want laravel DELETE /crm/v8/Deals/{…} exact ZohoCRM.modules.deals.DELETE
    }

    public function users()
    {
        return Http::baseUrl(self::API)->withToken($this->token)->get('/users'); // want laravel-base GET /crm/v8/users exact ZohoCRM.users.READ
    }

    const API = 'https://www.zohoapis.com/crm/v8';

    public function module(string $module)
    {
        return $this->client->get("$module"); // want param-path GET /crm/v8/{…} partial ZohoCRM.modules.*.READ | ZohoCRM.modules.appointments_rescheduled_history.READ | ZohoCRM.modules.entity_scores.READ | ZohoCRM.modules.notes.READ | ZohoCRM.modules.services.READ | ZohoCRM.apis.READ | ZohoCRM.features.READ | ZohoCRM.settings.intelligence.READ | ZohoCRM.files.READ | ZohoCRM.org.READ | ZohoCRM.users.READ
    }
}

function zoho_invoices($org)
{
    return wp_remote_get(ZOHO_BOOKS . '/invoices?organization_id=' . $org); // want wp GET /books/v3/invoices exact ZohoBooks.invoices.READ
}

function zoho_update_task($id, $body)
{
    return wp_remote_request(ZOHO_CRM . "/Tasks/$id", ['method' => 'PUT', 'body' => $body]); // want wp PUT /crm/v8/Tasks/{…} exact ZohoCRM.modules.tasks.UPDATE
}

function zoho_create_call($data, $token)
{
    $ch = curl_init();
    curl_setopt($ch, CURLOPT_URL, ZOHO_CRM . '/Calls'); // want curl POST /crm/v8/Calls exact ZohoCRM.modules.calls.CREATE
    curl_setopt($ch, CURLOPT_POST, 1);
    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($data));
    return curl_exec($ch);
}

function zoho_notes($token)
{
    $ch = curl_init(ZOHO_CRM . '/Notes'); // want curl GET /crm/v8/Notes exact ZohoCRM.modules.notes.READ
    curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_HTTPHEADER => ["Authorization: Zoho-oauthtoken $token"]]);
    return curl_exec($ch);
}

function zoho_send($method, $path)
{
    $ch = curl_init();
    curl_setopt($ch, CURLOPT_URL, ZOHO_CRM . $path);
    curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $method);
    return curl_exec($ch);
}

zoho_send('DELETE', '/Notes/1'); // want helper DELETE /crm/v8/Notes/1 exact ZohoCRM.modules.notes.DELETE

function from_env()
{
    return Http::get(getenv('ZOHO_URL') . '/x'); // want env-base opaque
}

function sdk()
{
    return (new \com\zoho\crm\api\record\RecordOperations('Leads'))->getRecords(); // want sdk-no-manifest opaque
}
