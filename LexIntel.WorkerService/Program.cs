using LexIntel.WorkerService;
using LexIntel.WorkerService.Sandbox;
using Microsoft.AspNetCore.Builder;

// A sandbox parses files for its worker over its standard input and output, and builds no host.
if (SandboxServer.IsRequested(args))
{
    SandboxServer.Run();
    return;
}

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
