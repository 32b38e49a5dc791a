namespace LexIntel.ApiService.Progress;

/// <summary>A ticket and the URL that opens its stream with it (for <c>new EventSource(url)</c>).</summary>
public sealed record ProgressTicketResponse(string Ticket, DateTimeOffset ExpiresAt, string Url);
