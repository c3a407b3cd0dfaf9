<?php
// Official PHP SDK (API v8) operations (our own code). Its program's composer.json requires
// zohocrm/php-sdk-8.0.
use com\zoho\crm\api\record\RecordOperations;
use com\zoho\crm\api\users\UsersOperations;

function leads()
{
    $recordOperations = new RecordOperations("Leads");
    return $recordOperations->getRecords(); // want sdk-ctor GET /crm/v8/Leads exact ZohoCRM.modules.leads.READ
}

function deleteContact($id)
{
    return (new RecordOperations('Contacts'))->deleteRecord($id); // want sdk-paren DELETE /crm/v8/Contacts/{…} exact ZohoCRM.modules.contacts.DELETE
}

function users()
{
    return (new \com\zoho\crm\api\users\UsersOperations())->getUsers(); // want sdk-paren GET /crm/v8/users exact ZohoCRM.users.READ
}
