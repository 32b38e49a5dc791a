namespace LexIntel.AppHost.Infrastructure;

/// <summary>
/// The resources the services connect to, whichever way they are provided, and the folder the
/// embedded default keeps uploaded files in (null: the services' own default or a mounted volume).
/// </summary>
public sealed record LexIntelInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    string? FilesDirectory);
