using LexIntel.ApiService;
using LexIntel.ApiService.Admin;
using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Progress;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();

app.MapDefaultEndpoints();
app.MapCasesApi();
app.MapDocumentsApi();
app.MapProgressApi();
app.MapAdminApi();

app.Run();
