using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Storage;

namespace LexIntel.Tests.Unit.Storage;

[Tier(TestTier.Unit)]
public sealed class StorageKeysTests
{
    [Fact]
    public void A_received_document_is_kept_under_its_ids_not_its_name()
    {
        var (tenant, caseId, now) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var id = Document.NewId(now);
        var staged = new StagedFile(StorageKeys.ForDocument(tenant, caseId, id), 12, new string('a', 64), ContentSample.Of("Plain notes."u8));

        var document = Document.Received(id, tenant, caseId, "../../etc/passwd", "text/plain", staged, now);

        Assert.Equal($"{tenant:N}/{caseId:N}/{id:N}", document.StorageKey);
        Assert.True(StorageKeys.IsValid(document.StorageKey));
        Assert.Equal("../../etc/passwd", document.OriginalFileName);
    }

    [Fact]
    public void A_document_is_not_received_with_a_file_staged_under_another_key()
    {
        var (tenant, caseId, now) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var staged = new StagedFile(StorageKeys.ForDocument(tenant, caseId, Guid.NewGuid()), 1, new string('a', 64), ContentSample.Of("x"u8));

        Assert.Throws<ArgumentException>(() => Document.Received(Document.NewId(now), tenant, caseId, "notes.txt", "text/plain", staged, now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../outside")]
    [InlineData("a/../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData(@"a\..\b")]
    [InlineData("0123456789abcdef0123456789abcdef/0123456789abcdef0123456789abcdef/brief.pdf")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF/0123456789abcdef0123456789abcdef/0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef/0123456789abcdef0123456789abcdef/0123456789abcdef0123456789abcdef/x")]
    public void Only_keys_made_of_three_ids_are_storage_keys(string key)
    {
        Assert.False(StorageKeys.IsValid(key));
        Assert.Null(StorageKeys.DocumentOf(key));
    }

    [Fact]
    public void A_key_names_the_document_it_was_made_for()
    {
        var document = Guid.NewGuid();

        Assert.Equal(document, StorageKeys.DocumentOf(StorageKeys.ForDocument(Guid.NewGuid(), Guid.NewGuid(), document)));
    }
}
