namespace LexIntel.Shared.Storage;

/// <summary>Bound from <c>LexIntel:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "LexIntel:Storage";

    /// <summary>
    /// Where uploaded files live; API and workers must see the same folder (in containers, a volume
    /// mounted into both). Defaults to <c>lexintel/files</c> under the user's local application data.
    /// </summary>
    public string? RootPath { get; set; }

    internal string ResolveRootPath() =>
        !string.IsNullOrWhiteSpace(RootPath)
            ? Path.GetFullPath(RootPath)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "lexintel", "files");
}
