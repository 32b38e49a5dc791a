namespace LexIntel.Shared.Progress;

/// <summary>A progress event with its stream id, which readers keep as their cursor.</summary>
public sealed record ProgressEntry(string Id, ProgressEvent Event);
