namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// Counts the characters extracted from one file as they come, so that extraction stops at
/// <see cref="ExtractionLimits.MaxCharacters"/> instead of holding whatever a file expands to.
/// </summary>
internal sealed class TextBudget(ExtractionLimits limits)
{
    private long spent;

    public void Spend(int characters)
    {
        spent += characters;
        if (spent > limits.MaxCharacters)
        {
            throw ExtractionFailures.TooMuchText(limits.MaxCharacters);
        }
    }
}
