namespace LexIntel.Shared.Storage;

/// <summary>An upload written to the store's scratch area, with what was learnt while writing it.</summary>
public sealed record StagedFile(string Path, long Length, string Sha256);
