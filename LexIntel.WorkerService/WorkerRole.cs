namespace LexIntel.WorkerService;

/// <summary>
/// What this process is for (<c>LexIntel:WorkerRole</c>). The AppHost runs the same project once as
/// the migrator, which the API and workers wait on, so the solution needs no extra project for it.
/// </summary>
public enum WorkerRole
{
    Worker,
    Migrator,
}
