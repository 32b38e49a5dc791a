using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Azure.Storage.Blobs;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Shared.Storage;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// A 100 MB file uploaded through the API (multipart request → staged blocks → commit, hashed on
/// the way) against a plain copy of the same bytes into the same store through the SDK, in the same
/// run, alternately, after a pair that is not measured; the medians are compared. The AppHost runs
/// without its worker, so nothing else competes for the cores while a file goes in. A 10 MB upload
/// first shows the API's peak memory before the large ones: it must not grow with the file's size.
/// </summary>
internal sealed class UploadScenario : IBenchmarkScenario
{
    private const int FileBytes = 100_000_000;

    private const int WarmUpBytes = 10_000_000;

    private const int Pairs = 5;

    private const double Megabyte = 1_000_000;

    public string Name => "upload";

    public string Description => "MB/s of a 100 MB upload through the API into the blob store vs. the same bytes copied by the SDK";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var app = await BenchmarkApp.StartWithoutWorkerAsync(cancellationToken);
        using var http = app.CreateClient();
        var container = new BlobServiceClient(await app.App.GetConnectionStringAsync(StorageServiceCollectionExtensions.ConnectionName, cancellationToken))
            .GetBlobContainerClient(StorageOptions.DefaultContainer);

        await UploadAsync(http, Pdf(WarmUpBytes), cancellationToken);
        await CopyAsync(container, Pdf(WarmUpBytes), cancellationToken);
        var rssAfterWarmUp = ProcessMemory.Kib("LexIntel.ApiService", "VmHWM") / 1024.0;

        // One unmeasured pair of the full size: the API's hot paths are compiled optimized by then.
        var file = Pdf(FileBytes);
        await UploadAsync(http, file, cancellationToken);
        await CopyAsync(container, file, cancellationToken);

        var api = new List<double>();
        var sdk = new List<double>();
        for (var pair = 0; pair < Pairs; pair++)
        {
            api.Add(FileBytes / Megabyte / await UploadAsync(http, file, cancellationToken));
            sdk.Add(FileBytes / Megabyte / await CopyAsync(container, file, cancellationToken));
        }

        var rss = ProcessMemory.Kib("LexIntel.ApiService", "VmHWM") / 1024.0;
        var (through, baseline) = (Median(api), Median(sdk));
        var ratio = through / baseline;
        return new BenchmarkResult(
            [
                new("mb_per_s", through),
                new("baseline_mb_per_s", baseline),
                new("ratio", ratio),
                new("api_peak_rss_mib", rss),
            ],
            [
                new("through the API", BenchmarkReport.Format(through, "MB/s"), $"POST /api/cases/{{id}}/documents, one 100 MB file (10^6 bytes per MB) to the response; median of {List(api)}"),
                new("SDK copy", BenchmarkReport.Format(baseline, "MB/s"), $"BlobClient.UploadAsync of the same bytes from memory, SDK defaults; median of {List(sdk)}"),
                new("ratio (API / SDK)", BenchmarkReport.Format(ratio, "×"), $"target ≥ 0.7; pair by pair {List(api.Select((a, i) => a / sdk[i]))}"),
                new("API peak RSS", BenchmarkReport.Format(rss, "MiB"), $"VmHWM of the API process after every upload; {rssAfterWarmUp.ToString("F0", CultureInfo.InvariantCulture)} MiB after the 10 MB warm-up; target < 300 MiB"),
            ]);
    }

    /// <summary>Seconds from sending the request to reading the response; the file goes to a new case each time, so it is never a duplicate.</summary>
    private static async Task<double> UploadAsync(HttpClient http, byte[] file, CancellationToken cancellationToken)
    {
        using var created = await http.PostAsJsonAsync("/api/cases", new { name = "upload benchmark" }, cancellationToken);
        var caseId = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<CaseId>(cancellationToken))!.Id;
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "files", "large.pdf");

        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync($"/api/cases/{caseId}/documents", form, cancellationToken);
        await response.Content.ReadAsStringAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        response.EnsureSuccessStatusCode();
        return seconds;
    }

    private static async Task<double> CopyAsync(BlobContainerClient container, byte[] file, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient($"benchmark/{Guid.NewGuid():N}");
        var clock = Stopwatch.StartNew();
        await blob.UploadAsync(new MemoryStream(file, writable: false), cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        await blob.DeleteAsync(cancellationToken: cancellationToken);
        return seconds;
    }

    /// <summary>Incompressible bytes the API takes for a PDF (the header is all its sniffer needs; no worker parses it).</summary>
    private static byte[] Pdf(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static double Median(IEnumerable<double> values) => Percentile.Of(values.Order().ToArray(), 0.5);

    private static string List(IEnumerable<double> values) => string.Join(" / ", values.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)));

    private sealed record CaseId(Guid Id);
}
