namespace LexIntel.Shared.Citations;

/// <summary>Finds legal citations in text. Pure and thread-safe.</summary>
public interface ICitationExtractor
{
    IReadOnlyList<FoundCitation> Extract(string text);
}
