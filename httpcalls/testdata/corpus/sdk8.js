// Official Node SDK (API v8) operations in the shapes its samples and users write (our own code).
const { RecordOperations, GetRecordsParam } = require("@zohocrm/nodejs-sdk-8.0/core/com/zoho/crm/api/record/record_operations.js");
const { UsersOperations } = require("@zohocrm/nodejs-sdk-8.0/core/com/zoho/crm/api/users/users_operations.js");
const { ParameterMap } = require("@zohocrm/nodejs-sdk-8.0/routes/parameter_map.js");

async function leads() {
  const ops = new RecordOperations("Leads");
  return ops.getRecords(new ParameterMap(), null); // want sdk-ctor GET /crm/v8/Leads exact ZohoCRM.modules.leads.READ
}

async function contact(id) {
  return new RecordOperations("Contacts").getRecord(BigInt(id)); // want sdk-chain GET /crm/v8/Contacts/{…} exact ZohoCRM.modules.contacts.READ
}

async function users() {
  return new UsersOperations().getUsers(); // want sdk-chain GET /crm/v8/users exact ZohoCRM.users.READ
}

async function anyModule(moduleAPIName) {
  return new RecordOperations(moduleAPIName).getRecords(); // want sdk-param GET /crm/v8/{…} partial ZohoCRM.modules.*.READ | ZohoCRM.modules.appointments_rescheduled_history.READ | ZohoCRM.modules.entity_scores.READ | ZohoCRM.modules.notes.READ | ZohoCRM.modules.services.READ | ZohoCRM.apis.READ | ZohoCRM.features.READ | ZohoCRM.settings.intelligence.READ | ZohoCRM.files.READ | ZohoCRM.org.READ | ZohoCRM.users.READ
}

async function deleteDeal(id) {
  const dealOps = new RecordOperations("Deals");
  return dealOps.deleteRecord(id, null); // want sdk-ctor DELETE /crm/v8/Deals/{…} exact ZohoCRM.modules.deals.DELETE
}
