namespace LexIntel.Shared.Storage;

/// <summary>A committed file as the store lists it.</summary>
public sealed record StoredFile(string Key, long Length, DateTimeOffset LastModified);
