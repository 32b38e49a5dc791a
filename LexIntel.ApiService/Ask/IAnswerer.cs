using LexIntel.ApiService.Search;

namespace LexIntel.ApiService.Ask;

/// <summary>Answers a question from retrieved passages only; passage <c>i</c> is reference <c>[i + 1]</c>.</summary>
public interface IAnswerer
{
    Task<Answer> AnswerAsync(string question, IReadOnlyList<SearchHit> passages, IReadOnlyList<ConversationTurnText> history, CancellationToken cancellationToken);

    /// <summary>The answer's text as it is produced, then the whole answer.</summary>
    IAsyncEnumerable<AnswerPart> StreamAsync(string question, IReadOnlyList<SearchHit> passages, IReadOnlyList<ConversationTurnText> history, CancellationToken cancellationToken);
}
