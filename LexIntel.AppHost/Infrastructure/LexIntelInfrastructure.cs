namespace LexIntel.AppHost.Infrastructure;

/// <summary>
/// The resources the services connect to, whichever way they are provided, and the folder where
/// the embedded default kept uploaded files before they went to the blob store (null on the
/// container path, which never kept them anywhere the services shared).
/// </summary>
public sealed record LexIntelInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResourceWithConnectionString> Blobs,
    string? LegacyFilesDirectory);
