using LexIntel.WorkerService;
using Microsoft.AspNetCore.Builder;

// The migrator runs once and exits on the plain host: it serves no probes, so it binds no port.
if (WorkerServiceExtensions.RoleOf(args) == WorkerRole.Migrator)
{
    var migrator = Host.CreateApplicationBuilder(args);
    migrator.AddServiceDefaults();
    migrator.AddMigrator();
    migrator.Build().Run();
    return;
}

// A worker is a web application only to answer the platform's probes (/health, /alive).
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddWorkerServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
