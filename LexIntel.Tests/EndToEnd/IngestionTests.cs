using System.Net;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Search;
using LexIntel.Shared.Data;
using LexIntel.Shared.Documents;
using LexIntel.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Tests.EndToEnd;

[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class IngestionTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ByteArrayContent CorpusFile(string name) => new(File.ReadAllBytes(TestData.CourtDocument(name)));

    [Fact]
    public async Task Filings_whose_text_once_held_a_nul_or_a_run_over_the_models_window_become_ready()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Regressions", Cancel);
        var files = Directory.GetFiles(TestData.IngestionRegressions, "*.pdf").Order(StringComparer.Ordinal).ToList();

        using var upload = await client.UploadAsync(caseId, Cancel, [.. files.Select(f => (Path.GetFileName(f), (HttpContent)new ByteArrayContent(File.ReadAllBytes(f))))]);
        var uploaded = (await upload.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files;

        Assert.Equal(2, uploaded.Count);
        foreach (var file in uploaded)
        {
            var document = await client.WaitUntilFinishedAsync(file.Document!.Id, Cancel, TimeSpan.FromMinutes(5));
            Assert.True(document.Status == "ready", $"{file.FileName}: {document.Status} {document.FailureCode} {document.FailureReason}");
            Assert.True(document.ChunkCount > 0, $"{file.FileName} has no passages");
        }
    }

    [Fact]
    public async Task Court_documents_become_searchable_chunks_and_a_scan_is_read_by_ocr()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Tarrant v. Herrmann", Cancel);

        using var upload = await client.UploadAsync(caseId, Cancel,
            ("vector-pdf.pdf", CorpusFile("vector-pdf.pdf")),
            ("word-docx.docx", CorpusFile("word-docx.docx")),
            ("broken-mime.pdf", CorpusFile("broken-mime.pdf")),
            ("image-pdf.pdf", CorpusFile("image-pdf.pdf")));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var files = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files;
        Assert.All(files, f => Assert.Equal("created", f.Outcome));
        var ids = files.ToDictionary(f => f.FileName, f => f.Document!.Id);

        var results = new Dictionary<string, DocumentResponse>();
        foreach (var (name, id) in ids)
        {
            results[name] = await client.WaitUntilFinishedAsync(id, Cancel);
        }

        var opinion = results["vector-pdf.pdf"];
        Assert.Equal("ready", opinion.Status);
        Assert.Equal(DocumentContentTypesPdf, opinion.ContentType);
        Assert.Equal(30, opinion.PageCount);
        Assert.InRange(opinion.ChunkCount, 20, 200);
        Assert.True(opinion.CitationCount > 10, $"only {opinion.CitationCount} citations in a Supreme Court opinion");

        Assert.Equal("ready", results["word-docx.docx"].Status);
        Assert.Equal("ready", results["broken-mime.pdf"].Status);
        Assert.Equal(23, results["broken-mime.pdf"].PageCount);

        var scan = results["image-pdf.pdf"];
        Assert.Equal("ready", scan.Status);
        Assert.Equal((2, 2, true), (scan.PageCount, scan.OcrPages, scan.ExtractedByOcr));

        // The opinion's text layer is read; only its two pages of maps, images without one, go to OCR.
        Assert.Equal((2, true), (opinion.OcrPages, opinion.ExtractedByOcr));
        Assert.Equal((0, false), (results["word-docx.docx"].OcrPages, results["word-docx.docx"].ExtractedByOcr));

        await using var db = await fixture.OpenDatabaseAsync();
        var scanChunks = await db.DocumentChunks.AsNoTracking().Where(c => c.DocumentId == scan.Id).OrderBy(c => c.Ordinal).ToListAsync(Cancel);
        Assert.StartsWith("(Slip Opinion) OCTOBER TERM, 2012", scanChunks[0].Text, StringComparison.Ordinal);

        // A word only page 2 holds is found by keyword search, on page 2.
        using var search = await client.PostAsJsonAsync($"/api/cases/{caseId}/search", new { query = "diverting", mode = "keyword" }, Cancel);
        var hits = (await search.Content.ReadFromJsonAsync<SearchResponse>(Cancel))!.Items.Where(h => h.DocumentId == scan.Id).ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal((2, 2), (h.PageStart, h.PageEnd)));

        var chunks = await db.DocumentChunks.AsNoTracking().Where(c => c.DocumentId == opinion.Id).OrderBy(c => c.Ordinal).ToListAsync(Cancel);
        Assert.Equal(opinion.ChunkCount, chunks.Count);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
        Assert.All(chunks, c =>
        {
            Assert.NotNull(c.Embedding);
            Assert.Equal(384, c.Embedding!.ToArray().Length);
            Assert.InRange(c.PageStart, 1, c.PageEnd);
        });

        // Passages longer than a window are embedded by windows too, numbered from 0, each a part of its passage.
        var windows = (await db.PassageWindows.AsNoTracking().Where(w => w.Chunk!.DocumentId == opinion.Id).ToListAsync(Cancel)).ToLookup(w => w.ChunkId);
        var texts = chunks.ToDictionary(c => c.Id, c => c.Text);
        Assert.InRange(windows.Count, chunks.Count / 2, chunks.Count);
        Assert.All(windows, passage =>
        {
            Assert.Equal(Enumerable.Range(0, passage.Count()), passage.Select(w => w.Ordinal).Order());
            Assert.InRange(passage.Count(), 2, 4);
            Assert.All(passage, w =>
            {
                Assert.InRange(w.CharStart, 0, w.CharEnd - 1);
                Assert.InRange(w.CharEnd, w.CharStart + 1, texts[w.ChunkId].Length);
                Assert.Equal(384, w.Embedding.ToArray().Length);
            });
        });

        // Every page with text is in some chunk; the last two pages are the appendix's maps, whose
        // labels (if any) only OCR reads.
        Assert.Subset(chunks.SelectMany(c => Enumerable.Range(c.PageStart, c.PageEnd - c.PageStart + 1)).ToHashSet(), Enumerable.Range(1, 28).ToHashSet());
        Assert.Contains(await db.Citations.AsNoTracking().Where(c => c.DocumentId == opinion.Id).Select(c => c.Normalized).ToListAsync(Cancel), n => n == "200 U.S. 321");
    }

    private const string DocumentContentTypesPdf = "application/pdf";

    [Fact]
    public async Task The_same_bytes_uploaded_again_return_the_existing_document()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Duplicates", Cancel);
        var bytes = Encoding.UTF8.GetBytes("The court held that 42 U.S.C. § 1983 applies.");

        using var first = await client.UploadAsync(caseId, Cancel, ("a.txt", new ByteArrayContent(bytes)));
        using var second = await client.UploadAsync(caseId, Cancel, ("renamed.txt", new ByteArrayContent(bytes)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var original = (await first.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single();
        var duplicate = (await second.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single();
        Assert.Equal("duplicate", duplicate.Outcome);
        Assert.Equal(original.Document!.Id, duplicate.Document!.Id);
        var list = await client.GetFromJsonAsync<DocumentPage>($"/api/cases/{caseId}/documents", Cancel);
        Assert.Single(list!.Items);
    }

    [Fact]
    public async Task A_name_too_long_for_what_follows_its_last_dot_is_cut_short_not_refused()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Long names", Cancel);
        var name = "Smith v. Jones, opposition to the motion to dismiss " + new string('x', 300);

        using var upload = await client.UploadAsync(caseId, Cancel, (name, new StringContent("The court held that the motion was timely.")));

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var file = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single();
        Assert.Equal("created", file.Outcome);
        Assert.Equal(name[..FileNames.MaxLength], file.Document!.FileName);
    }

    [Fact]
    public async Task Document_list_pages_newest_first_with_a_cursor_and_refuses_bad_paging()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Paging", Cancel);
        foreach (var name in new[] { "first.txt", "second.txt", "third.txt" })
        {
            using var upload = await client.UploadAsync(caseId, Cancel, (name, new StringContent($"The note called {name}.")));
            upload.EnsureSuccessStatusCode();
        }

        var page1 = await client.GetFromJsonAsync<DocumentPage>($"/api/cases/{caseId}/documents?limit=2", Cancel);
        Assert.Equal(["third.txt", "second.txt"], page1!.Items.Select(d => d.FileName));
        Assert.NotNull(page1.NextCursor);
        var page2 = await client.GetFromJsonAsync<DocumentPage>($"/api/cases/{caseId}/documents?limit=2&cursor={page1.NextCursor}", Cancel);
        Assert.Equal(["first.txt"], page2!.Items.Select(d => d.FileName));
        Assert.Null(page2.NextCursor);

        using var bad = await client.GetAsync($"/api/cases/{caseId}/documents?limit=0&cursor=bm9wZQ", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("limit must be between 1 and 200", problem, StringComparison.Ordinal);
        Assert.Contains("cursor is not one this API returned", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_uploads_get_clear_errors_and_nothing_is_stored()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Bad input", Cancel);

        using var empty = await client.UploadAsync(caseId, Cancel, ("empty.pdf", CorpusFile("empty.pdf")));
        using var binary = await client.UploadAsync(caseId, Cancel, ("program.pdf", new ByteArrayContent([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0])));
        using var notMultipart = await client.PostAsJsonAsync($"/api/cases/{caseId}/documents", new { file = "x" }, Cancel);
        using var unknownCase = await client.UploadAsync(Guid.NewGuid(), Cancel, ("a.txt", new StringContent("text")));

        await AssertProblemAsync(empty, HttpStatusCode.UnprocessableEntity, "empty");
        await AssertProblemAsync(binary, HttpStatusCode.UnsupportedMediaType, "not a PDF");
        await AssertProblemAsync(notMultipart, HttpStatusCode.UnsupportedMediaType, "multipart/form-data");
        await AssertProblemAsync(unknownCase, HttpStatusCode.NotFound, "No case");
        var list = await client.GetFromJsonAsync<DocumentPage>($"/api/cases/{caseId}/documents", Cancel);
        Assert.Empty(list!.Items);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_gets_413()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Oversize", Cancel);

        using var response = await client.UploadAsync(caseId, Cancel, ("huge.txt", new StreamContent(new RepeatingStream((byte)'a', 100L * 1024 * 1024 + 1))));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "larger than the limit");
    }

    [Fact]
    public async Task Hostile_and_broken_files_fail_alone_with_reasons_while_the_rest_of_the_case_finishes()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Hostile", Cancel);
        var opinion = File.ReadAllBytes(TestData.CourtDocument("missouri.pdf"));

        using var upload = await client.UploadAsync(caseId, Cancel,
            ("../../../etc/passwd\u0001.txt", new StringContent("Plain notes citing Roe v. Wade, 410 U.S. 113 (1973).")),
            ("truncated.pdf", new ByteArrayContent(opinion[..(opinion.Length / 3)])),
            ("bomb.docx", new ByteArrayContent(HostileFiles.ZipBombDocx())),
            ("missouri.pdf", new ByteArrayContent(opinion)),
            ("locked.pdf", new ByteArrayContent(HostileFiles.PasswordProtectedPdf())),
            ("cut-short.pdf", new ByteArrayContent(opinion[..(opinion.Length / 4)])));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var files = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files;
        Assert.All(files, f => Assert.Equal("created", f.Outcome));

        var notes = await client.WaitUntilFinishedAsync(files[0].Document!.Id, Cancel);
        var truncated = await client.WaitUntilFinishedAsync(files[1].Document!.Id, Cancel);
        var bomb = await client.WaitUntilFinishedAsync(files[2].Document!.Id, Cancel);
        var missouri = await client.WaitUntilFinishedAsync(files[3].Document!.Id, Cancel);
        var locked = await client.WaitUntilFinishedAsync(files[4].Document!.Id, Cancel);
        var cutShort = await client.WaitUntilFinishedAsync(files[5].Document!.Id, Cancel);

        Assert.Equal("passwd.txt", notes.FileName);
        Assert.Equal("ready", notes.Status);
        Assert.Equal(1, notes.CitationCount);
        using var download = await client.GetAsync($"/api/documents/{notes.Id}/content", Cancel);
        Assert.Equal("passwd.txt", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.StartsWith("Plain notes", await download.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        Assert.Equal("failed", bomb.Status);
        Assert.Equal("too_large", bomb.FailureCode);
        Assert.Contains("zip bomb", bomb.FailureReason, StringComparison.Ordinal);

        Assert.Equal("failed", locked.Status);
        Assert.Equal("encrypted", locked.FailureCode);

        Assert.Equal("ready", missouri.Status);
        Assert.Equal(5, missouri.PageCount);

        // Cut inside what was appended after its first revision: every page is still readable.
        Assert.Equal("ready", truncated.Status);
        Assert.Equal((missouri.PageCount, missouri.ChunkCount, missouri.CitationCount), (truncated.PageCount, truncated.ChunkCount, truncated.CitationCount));

        Assert.Equal("failed", cutShort.Status);
        Assert.Equal("corrupt", cutShort.FailureCode);
        Assert.Contains("cut short", cutShort.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_can_be_reprocessed_without_duplicating_its_chunks_and_then_deleted()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Lifecycle", Cancel);
        using var upload = await client.UploadAsync(caseId, Cancel, ("ca2.pdf", CorpusFile("ca2_1-1.pdf")));
        var id = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single().Document!.Id;
        var first = await client.WaitUntilFinishedAsync(id, Cancel);
        Assert.Equal("ready", first.Status);

        using var reprocess = await client.PostAsync($"/api/documents/{id}/reprocess", null, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, reprocess.StatusCode);
        var second = await client.WaitUntilFinishedAsync(id, Cancel);

        Assert.Equal("ready", second.Status);
        Assert.Equal(first.ChunkCount, second.ChunkCount);
        Assert.Equal(first.CitationCount, second.CitationCount);
        await using var db = await fixture.OpenDatabaseAsync();
        var windows = await db.PassageWindows.Where(w => w.Chunk!.DocumentId == id).Select(w => new { w.ChunkId, w.Ordinal }).ToListAsync(Cancel);
        Assert.NotEmpty(windows);
        Assert.All(windows.GroupBy(w => w.ChunkId), passage => Assert.Equal(Enumerable.Range(0, passage.Count()), passage.Select(w => w.Ordinal).Order()));
        var windowed = windows.Select(w => w.ChunkId).Distinct().ToList();

        using var deleted = await client.DeleteAsync($"/api/documents/{id}", Cancel);
        using var gone = await client.GetAsync($"/api/documents/{id}", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False(await db.DocumentChunks.AnyAsync(c => c.DocumentId == id, Cancel));
        Assert.False(await db.PassageWindows.AnyAsync(w => windowed.Contains(w.ChunkId), Cancel));
    }

    [Fact]
    public async Task An_emails_attachments_become_documents_of_the_case()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Correspondence", Cancel);
        using var upload = await client.UploadAsync(caseId, Cancel, ("opinion.eml", new ByteArrayContent(SampleEmail.Build())));
        var emailId = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single().Document!.Id;
        var email = await client.WaitUntilFinishedAsync(emailId, Cancel);
        Assert.Equal("ready", email.Status);
        Assert.Equal(1, email.CitationCount);

        List<DocumentResponse> children = [];
        await Eventually.HoldsAsync(
            async () =>
            {
                children = (await client.GetFromJsonAsync<DocumentPage>($"/api/cases/{caseId}/documents", Cancel))!.Items.Where(d => d.ParentDocumentId == emailId).ToList();
                return children.Count == 3;
            },
            TimeSpan.FromMinutes(1),
            "the e-mail's three attachments to become documents");
        var byName = new Dictionary<string, DocumentResponse>();
        foreach (var child in children)
        {
            byName[child.FileName] = await client.WaitUntilFinishedAsync(child.Id, Cancel);
        }

        Assert.Equal("ready", byName["missouri.pdf"].Status);
        Assert.Equal(5, byName["missouri.pdf"].PageCount);
        Assert.Equal("ready", byName["notes.txt"].Status);
        Assert.Equal(1, byName["notes.txt"].CitationCount);
        // An attached image is a scan to read; this one is only a PNG's first bytes.
        Assert.Equal("failed", byName["logo.png"].Status);
        Assert.Equal("corrupt", byName["logo.png"].FailureCode);
        Assert.StartsWith("the image could not be read", byName["logo.png"].FailureReason, StringComparison.Ordinal);

        using var reprocess = await client.PostAsync($"/api/documents/{emailId}/reprocess", null, Cancel);
        Assert.Equal("ready", (await client.WaitUntilFinishedAsync(emailId, Cancel)).Status);
        Assert.Equal(4, (await client.GetFromJsonAsync<DocumentPage>($"/api/cases/{caseId}/documents", Cancel))!.Items.Count);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    /// <summary>A long run of one byte, produced as it is read rather than held in memory.</summary>
    private sealed class RepeatingStream(byte value, long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill(value);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
