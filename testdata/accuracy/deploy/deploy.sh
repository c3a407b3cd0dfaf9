#!/bin/sh
# Refreshes the access token before the sync runs.
set -eu
curl -fsS -X POST "https://accounts.zoho.com/oauth/v2/token?refresh_token=${ZOHO_REFRESH_TOKEN}&client_id=${ZOHO_CLIENT_ID}&client_secret=${ZOHO_CLIENT_SECRET}&grant_type=refresh_token"
export ZOHO_SCOPE="ZohoCRM.modules.deals.READ,ZohoCRM.modules.deals.UPDATE"
