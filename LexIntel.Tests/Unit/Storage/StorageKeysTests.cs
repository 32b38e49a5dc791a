using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Storage;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Storage;

[Tier(TestTier.Unit)]
public sealed class StorageKeysTests : IDisposable
{
    private readonly ThrowawayDataDirectory root = new();
    private readonly LocalFileStore store;

    public StorageKeysTests() => store = new LocalFileStore(Options.Create(new StorageOptions { RootPath = root.Path }));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_received_document_is_kept_under_its_ids_not_its_name()
    {
        var (tenant, caseId) = (Guid.NewGuid(), Guid.NewGuid());
        using var content = new MemoryStream("Plain notes."u8.ToArray());
        var staged = await store.StageAsync(content, 1_000, Cancel);

        var document = Document.Received(tenant, caseId, "../../etc/passwd", "text/plain", staged, DateTimeOffset.UtcNow);
        await store.CommitAsync(staged, document.StorageKey, Cancel);

        Assert.Equal(StorageKeys.ForDocument(tenant, caseId, document.Id), document.StorageKey);
        Assert.True(File.Exists(Path.Combine(root.Path, tenant.ToString("N"), caseId.ToString("N"), document.Id.ToString("N"))));
        await using var stored = store.OpenRead(document.StorageKey);
        using var reader = new StreamReader(stored);
        Assert.Equal("Plain notes.", await reader.ReadToEndAsync(Cancel));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../outside")]
    [InlineData("a/../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData(@"a\..\b")]
    public void The_store_refuses_a_key_that_could_leave_its_root(string key)
    {
        Assert.False(StorageKeys.IsContained(key));
        Assert.Throws<ArgumentException>(() => store.OpenRead(key));
    }

    [Fact]
    public void A_key_names_the_document_it_was_made_for_and_a_key_of_another_shape_names_none()
    {
        var document = Guid.NewGuid();

        Assert.Equal(document, StorageKeys.DocumentOf(StorageKeys.ForDocument(Guid.NewGuid(), Guid.NewGuid(), document)));
        Assert.Null(StorageKeys.DocumentOf($"{Guid.NewGuid():N}/{document:N}"));
        Assert.Null(StorageKeys.DocumentOf($"{Guid.NewGuid():N}/{Guid.NewGuid():N}/{document:N}/extra"));
        Assert.Null(StorageKeys.DocumentOf($"{Guid.NewGuid():N}/{Guid.NewGuid():N}/{document}"));
        Assert.Null(StorageKeys.DocumentOf("notes/case/readme.txt"));
    }

    public void Dispose() => root.Dispose();
}
