namespace LexIntel.WorkerService.TextCleanup;

/// <summary>One line of a page while its furniture is looked for; <see cref="Removed"/> once it is found to be furniture.</summary>
internal sealed class PageLine(string text)
{
    public string Text { get; private set; } = text;

    public bool Removed { get; set; }

    /// <summary>Furniture cut from the start of the line, the rest being text (a page number printed on the caption's line).</summary>
    public string? CutPrefix { get; private set; }

    public bool IsContent => !Removed && !string.IsNullOrWhiteSpace(Text);

    public void Cut(int length)
    {
        CutPrefix = Text[..length].Trim();
        Text = Text[length..];
    }
}
