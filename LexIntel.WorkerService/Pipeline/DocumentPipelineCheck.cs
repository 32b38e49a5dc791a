using LexIntel.Shared.Pipeline;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// Stops the worker at start when the step classes and <see cref="DocumentPipeline.Steps"/>
/// disagree, rather than failing every document at the step nobody implements.
/// </summary>
internal sealed class DocumentPipelineCheck(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        Verify(scope.ServiceProvider.GetServices<IDocumentStep>().Select(s => s.Step));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Throws unless every declared step has exactly one class and every class a declared step.</summary>
    public static void Verify(IEnumerable<PipelineStep> implemented)
    {
        var counts = implemented.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var problems = DocumentPipeline.Steps.Where(s => !counts.ContainsKey(s)).Select(s => $"step '{s.Name}' has no class")
            .Concat(counts.Where(c => c.Value > 1).Select(c => $"step '{c.Key.Name}' has {c.Value} classes"))
            .Concat(counts.Keys.Where(s => !DocumentPipeline.Steps.Contains(s)).Select(s => $"step '{s.Name}' is not declared in DocumentPipeline.Steps"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The document pipeline is not wired: {string.Join("; ", problems)}.");
        }
    }
}
