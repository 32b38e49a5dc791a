using LexIntel.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddLexIntelInfrastructure();

var migrator = builder.AddProject<Projects.LexIntel_WorkerService>("migrator")
    .WithEnvironment("LexIntel__WorkerRole", "Migrator")
    .WithReference(infrastructure.Database)
    .WaitFor(infrastructure.Database);

var api = builder.AddProject<Projects.LexIntel_ApiService>("api")
    .WithReference(infrastructure.Database)
    .WithReference(infrastructure.Redis)
    .WaitFor(infrastructure.Redis)
    .WaitForCompletion(migrator)
    .WithExternalHttpEndpoints()
    .WithHealthProbes()
    .WithReplicasAndProbesInManifest();

api.WithIdentity()
    .WithForwardedSettings();

// Answers are generated only when an operator names a chat model (ConnectionStrings:chat,
// "Endpoint=…/v1;Model=…;Key=…"); without one they are extractive.
if (builder.Configuration.GetConnectionString("chat") is { Length: > 0 })
{
    api.WithReference(builder.AddConnectionString("chat"));
}

var worker = builder.AddProject<Projects.LexIntel_WorkerService>("worker")
    .WithReference(infrastructure.Database)
    .WithReference(infrastructure.Redis)
    .WaitFor(infrastructure.Redis)
    .WaitForCompletion(migrator)
    .WithHttpEndpoint(name: DeploymentBuilderExtensions.ProbeEndpointName)
    .WithHealthProbes()
    .WithReplicas(builder.Configuration.GetValue("LexIntel:WorkerReplicas", 1))
    .WithReplicasAndProbesInManifest();

// API and workers must see the same files: uploads are written by one and read by the other.
if (infrastructure.FilesDirectory is { } files)
{
    api.WithEnvironment("LexIntel__Storage__RootPath", files);
    worker.WithEnvironment("LexIntel__Storage__RootPath", files);
}

builder.Build().Run();
