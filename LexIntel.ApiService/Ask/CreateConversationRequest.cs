namespace LexIntel.ApiService.Ask;

public sealed record CreateConversationRequest(string? Title);
