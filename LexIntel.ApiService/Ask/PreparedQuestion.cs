using LexIntel.ApiService.Search;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Ask;

/// <summary>A valid question with what it is answered from: the passages found and, in a conversation, the earlier turns.</summary>
internal sealed record PreparedQuestion(
    string Question,
    Conversation? Conversation,
    IReadOnlyList<SearchHit> Passages,
    IReadOnlyList<ConversationTurnText> History);
