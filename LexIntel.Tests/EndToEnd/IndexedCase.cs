namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// A case whose documents are processed once and then shared by every test of a class: ingestion
/// takes seconds, and the tests only read.
/// </summary>
public sealed class IndexedCase(string name, Func<(string FileName, HttpContent Content)[]> files)
{
    private readonly Lock gate = new();
    private Task<(Guid Tenant, Guid Case, Dictionary<string, Guid> Documents)>? indexing;
    private (Guid Tenant, Guid Case, Dictionary<string, Guid> Documents)? indexed;

    public Guid Tenant => indexed!.Value.Tenant;

    public Guid Case => indexed!.Value.Case;

    public IReadOnlyDictionary<string, Guid> Documents => indexed!.Value.Documents;

    /// <summary>A court document of the repository's test data, to upload under its own name.</summary>
    public static (string FileName, HttpContent Content) CourtDocument(string name) => (name, new ByteArrayContent(File.ReadAllBytes(TestData.CourtDocument(name))));

    public async Task EnsureAsync(LexIntelAppFixture fixture, CancellationToken cancellationToken)
    {
        Task<(Guid, Guid, Dictionary<string, Guid>)> task;
        lock (gate)
        {
            task = indexing ??= IndexAsync(fixture, cancellationToken);
        }

        indexed = await task;
    }

    private async Task<(Guid Tenant, Guid Case, Dictionary<string, Guid> Documents)> IndexAsync(LexIntelAppFixture fixture, CancellationToken cancellationToken)
    {
        var tenant = Guid.NewGuid();
        using var setup = await fixture.CreateTenantClientAsync(tenant);
        var (caseId, documents) = await setup.CreateCaseWithReadyDocumentsAsync(name, cancellationToken, files());
        return (tenant, caseId, documents);
    }
}
