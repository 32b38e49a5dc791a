namespace LexIntel.ApiService.Ask;

/// <summary>An earlier question and its answer, as context for a follow-up.</summary>
public sealed record ConversationTurnText(string Question, string Answer);
