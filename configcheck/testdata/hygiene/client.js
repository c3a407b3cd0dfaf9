// Browser code for the Zoho CRM widget.
const clientId = "1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123"; // public: quiet
const accessToken = '1000.0a1b2c3d4e5f60718293a4b5c6d7e8f9.f9e8d7c6b5a4039281706f5e4d3c2b1a';
const login = `https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.users.READ&client_id=${clientId}&response_type=code&access_type=offline&redirect_uri=${location.origin}/cb`;
