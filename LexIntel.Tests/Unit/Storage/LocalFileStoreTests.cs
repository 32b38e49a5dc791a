using LexIntel.Shared.Storage;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Storage;

/// <summary>What the reconciler asks of the local store: its stored files, and the staged uploads left behind.</summary>
[Tier(TestTier.Unit)]
public sealed class LocalFileStoreTests : IDisposable
{
    private readonly ThrowawayDataDirectory root = new();
    private readonly LocalFileStore store;

    public LocalFileStoreTests() => store = new LocalFileStore(Options.Create(new StorageOptions { RootPath = root.Path + "/" }));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Listing_shows_each_stored_file_by_key_with_its_time_and_no_staged_upload()
    {
        var first = StorageKeys.ForDocument(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var second = StorageKeys.ForDocument(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await StoreAsync(first, "first");
        await StoreAsync(second, "second");
        var written = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        File.SetLastWriteTimeUtc(Path.Combine(root.Path, first), written.UtcDateTime);
        var staged = await StageAsync("not committed");

        var listed = await store.ListAsync(Cancel).ToListAsync(Cancel);

        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), listed.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(written, listed.Single(f => f.Key == first).LastModified);
        await store.DiscardAsync(staged);
    }

    [Fact]
    public async Task Deleting_abandoned_staged_uploads_takes_only_those_written_before_the_cutoff()
    {
        var cutoff = DateTimeOffset.UtcNow - TimeSpan.FromHours(1);
        var abandoned = await StageAsync("cut off mid-write");
        File.SetLastWriteTimeUtc(abandoned.Path, (cutoff - TimeSpan.FromSeconds(1)).UtcDateTime);
        var recent = await StageAsync("still arriving");
        var key = StorageKeys.ForDocument(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await StoreAsync(key, "a stored original");
        File.SetLastWriteTimeUtc(Path.Combine(root.Path, key), (cutoff - TimeSpan.FromDays(1)).UtcDateTime);

        Assert.Equal(1, await store.DeleteAbandonedStagedAsync(cutoff, Cancel));

        Assert.False(File.Exists(abandoned.Path));
        Assert.True(File.Exists(recent.Path));
        Assert.Equal([key], (await store.ListAsync(Cancel).ToListAsync(Cancel)).Select(f => f.Key));
        Assert.Equal(0, await store.DeleteAbandonedStagedAsync(cutoff, Cancel));
    }

    [Fact]
    public async Task Deleting_a_file_that_is_gone_already_or_never_was_changes_nothing()
    {
        var key = StorageKeys.ForDocument(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await StoreAsync(key, "once");

        await store.DeleteAsync(key);
        await store.DeleteAsync(key);
        await store.DeleteAsync(StorageKeys.ForDocument(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()));

        Assert.Empty(await store.ListAsync(Cancel).ToListAsync(Cancel));
    }

    private async Task<StagedFile> StageAsync(string text)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await store.StageAsync(content, 1_000, Cancel);
    }

    private async Task StoreAsync(string key, string text) => await store.CommitAsync(await StageAsync(text), key, Cancel);

    public void Dispose() => root.Dispose();
}
