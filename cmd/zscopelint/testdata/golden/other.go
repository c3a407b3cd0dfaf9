package golden

const auth = "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.settings.fields.READ,ZohoCRM.setting.ALL&client_id=1000.X&response_type=code&redirect_uri=https://example.com/cb"
