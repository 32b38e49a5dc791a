namespace LexIntel.AppHost.Infrastructure;

public static class GarbageCollectionBuilderExtensions
{
    /// <summary>32 MiB, the youngest generation's budget a server with a typical L3 cache gets.</summary>
    private const string Gen0Budget = "0x2000000";

    /// <summary>
    /// .NET sizes the youngest generation's budget from the L3 cache the machine reports, and
    /// virtual machines report the host's (300 MB on the build machine), which lets a process
    /// allocate a few hundred MiB between collections. A fixed budget keeps the services' memory
    /// near what they hold (measured: the ingest worker's peak 620 → 552 MiB). The GC takes this
    /// setting only from the environment, so it is set here, for every path the AppHost runs or
    /// publishes.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBoundedGen0Budget(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment("DOTNET_GCgen0size", Gen0Budget);
}
