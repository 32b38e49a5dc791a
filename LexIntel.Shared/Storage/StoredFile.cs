namespace LexIntel.Shared.Storage;

/// <summary>A file kept in the store: its key and when its content was last written.</summary>
public sealed record StoredFile(string Key, DateTimeOffset LastModified);
