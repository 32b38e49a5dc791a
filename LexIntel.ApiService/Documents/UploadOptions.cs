namespace LexIntel.ApiService.Documents;

/// <summary>Bound from <c>LexIntel:Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "LexIntel:Uploads";

    /// <summary>Largest single file; larger ones get 413.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    public int MaxFilesPerRequest { get; set; } = 50;

    /// <summary>Largest upload request, all files together.</summary>
    public long MaxRequestBytes { get; set; } = 1024L * 1024 * 1024;
}
