using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using LexIntel.ApiService.Documents;
using LexIntel.Tests.Infrastructure;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// The app with <c>LexIntel:Ocr:Enabled=false</c> on its worker: scans fail with the reason they
/// failed with before OCR existed, naming the setting, and a mixed PDF is read from its text page.
/// </summary>
[Tier(TestTier.EndToEnd)]
public sealed class OcrDisabledTests : IAsyncLifetime
{
    private readonly ThrowawayDataDirectory data = new();
    private DistributedApplication app = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        app = await LexIntelAppFactory.StartAsync(
            data.Path,
            builder => builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "worker"))
                .WithEnvironment("LexIntel__Ocr__Enabled", "false"),
            Cancel);

    [Fact]
    public async Task Scans_fail_with_a_reason_naming_the_setting_and_a_mixed_pdf_is_read_from_its_text()
    {
        using var client = await ApiClients.ForNewTenantAsync(app, Cancel);
        var caseId = await client.CreateCaseAsync("No OCR", Cancel);
        var scan = TestData.CourtDocument("image-pdf.pdf");
        var png = await Scans.RenderPageAsync(scan, 1, 150, Cancel);
        var mixed = Scans.MixedPdf(["ORDER", "The stipulated protective order of the Quillfeather parties is entered."], png);

        using var upload = await client.UploadAsync(
            caseId,
            Cancel,
            ("scan.pdf", new ByteArrayContent(await File.ReadAllBytesAsync(scan, Cancel))),
            ("photo.png", new ByteArrayContent(png)),
            ("mixed.pdf", new ByteArrayContent(mixed)));
        var ids = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.ToDictionary(f => f.FileName, f => f.Document!.Id);
        var finished = new Dictionary<string, DocumentResponse>();
        foreach (var (name, id) in ids)
        {
            finished[name] = await client.WaitUntilFinishedAsync(id, Cancel);
        }

        Assert.Equal(
            ("failed", "no_extractable_text", "no extractable text (scanned PDF; OCR not enabled: LexIntel:Ocr:Enabled)"),
            (finished["scan.pdf"].Status, finished["scan.pdf"].FailureCode, finished["scan.pdf"].FailureReason));
        Assert.Equal(
            ("failed", "no_extractable_text", "the file is an image (a scan or a photo) and OCR is not enabled (LexIntel:Ocr:Enabled)"),
            (finished["photo.png"].Status, finished["photo.png"].FailureCode, finished["photo.png"].FailureReason));
        Assert.Equal(("ready", 2), (finished["mixed.pdf"].Status, finished["mixed.pdf"].PageCount));
        Assert.True(finished["mixed.pdf"].ChunkCount > 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        data.Dispose();
    }
}
