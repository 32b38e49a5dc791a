using LexIntel.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddLexIntelInfrastructure();

var migrator = builder.AddProject<Projects.LexIntel_WorkerService>("migrator")
    .WithEnvironment("LexIntel__WorkerRole", "Migrator")
    .WithReference(infrastructure.Database)
    .WithReference(infrastructure.Blobs)
    .WaitFor(infrastructure.Database)
    .WaitFor(infrastructure.Blobs);

// Uploads an earlier version of the embedded default kept on local disk move into the blob store once.
if (infrastructure.LegacyFilesDirectory is { } legacyFiles)
{
    migrator.WithEnvironment("LexIntel__Storage__MigrateFrom", legacyFiles);
}

var api = builder.AddProject<Projects.LexIntel_ApiService>("api")
    .WithBoundedGen0Budget()
    .WithReference(infrastructure.Database)
    .WithReference(infrastructure.Redis)
    .WithReference(infrastructure.Blobs)
    .WaitFor(infrastructure.Redis)
    .WaitFor(infrastructure.Blobs)
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

// API and workers share no disk: originals go through the blob store, so workers may run anywhere.
// Deployed, a worker's image carries the command-line tools it runs on documents (OCR, legacy Word
// and RTF), so it is built from a Dockerfile, with the repository root as context.
var worker = builder.AddProject<Projects.LexIntel_WorkerService>("worker")
    .WithBoundedGen0Budget()
    .WithReference(infrastructure.Database)
    .WithReference(infrastructure.Redis)
    .WithReference(infrastructure.Blobs)
    .WaitFor(infrastructure.Redis)
    .WaitFor(infrastructure.Blobs)
    .WaitForCompletion(migrator)
    .WithHttpEndpoint(name: DeploymentBuilderExtensions.ProbeEndpointName)
    .WithHealthProbes()
    .WithReplicas(builder.Configuration.GetValue("LexIntel:WorkerReplicas", 1))
    .PublishWithDockerfile(contextPath: "..", dockerfilePath: "LexIntel.WorkerService/Dockerfile")
    .WithReplicasAndProbesInManifest();

builder.Build().Run();
