using LexIntel.ApiService;
using LexIntel.ApiService.Admin;
using LexIntel.ApiService.ApiKeys;
using LexIntel.ApiService.Ask;
using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Citations;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Progress;
using LexIntel.ApiService.Search;
using LexIntel.ApiService.WebApp;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

// Before authentication: a browser's preflight carries no token, and a refusal still needs the
// CORS headers for the page to read its problem details.
app.UseCors();
app.UseRequestTimeouts();
app.UseAuthentication();
app.UseAuthorization();

// After authorization: limits are counted per tenant and user, from the validated claims.
app.UseRateLimiter();
app.MapOpenApi().RequireAuthorization(policy => policy.RequireAuthenticatedUser());

app.MapDefaultEndpoints();
app.MapCasesApi();
app.MapCaseMembersApi();
app.MapDocumentsApi();
app.MapProgressApi();
app.MapSearchApi();
app.MapAskApi();
app.MapConversationsApi();
app.MapCitationsApi();
app.MapAdminApi();
app.MapApiKeysApi();
app.MapAuditApi();
app.MapDevelopmentCredentials();
app.MapWebApp();

app.Run();
