namespace LexIntel.Shared.Storage;

/// <summary>A staged upload nobody committed or discarded, and when its staging began.</summary>
public sealed record StagedUpload(string Key, DateTimeOffset StartedAt);
