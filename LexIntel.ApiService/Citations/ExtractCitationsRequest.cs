namespace LexIntel.ApiService.Citations;

/// <summary>Text to find citations in; form feeds (<c>\f</c>) separate pages.</summary>
public sealed record ExtractCitationsRequest(string? Text);
