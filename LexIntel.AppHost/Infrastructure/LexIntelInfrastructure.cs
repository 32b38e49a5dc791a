namespace LexIntel.AppHost.Infrastructure;

/// <summary>The resources the services connect to, whichever way they are provided.</summary>
public sealed record LexIntelInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis);
